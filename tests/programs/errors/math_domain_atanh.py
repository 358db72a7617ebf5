# math.atanh(1) is outside its domain.
import math

print(math.expm1(1.0))
print(math.log1p(-0.5))
print(math.atanh(1))
