# math constants.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.pi * 2 == math.tau)
