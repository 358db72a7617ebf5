# math.expm1 of a big argument overflows.
import math

print(math.exp2(1000))
print(math.expm1(1000))
