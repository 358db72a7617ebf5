# math.log of zero.
import math
print(math.log(1.0))
print(math.log(0.0))
