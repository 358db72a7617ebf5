# math's float functions give libm's bits.
import math
for x in (0.5, 1.0, 2.0, 10.0):
    print(math.sqrt(x), math.exp(x), math.log(x), math.log10(x), math.log2(x))
    print(math.sin(x), math.cos(x), math.tan(x), math.atan(x))
print(math.atan2(1.0, -1.0), math.hypot(3.0, 4.0), math.pow(2.0, 0.5))
print(math.asin(0.5), math.acos(0.5), math.sinh(1.0), math.cosh(1.0), math.tanh(1.0))
print(math.fabs(-3.0), math.copysign(1.0, -0.0), math.fmod(-7.0, 3.0))
