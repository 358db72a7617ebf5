# math.radians/degrees, expm1/log1p, the inverse hyperbolic functions, cbrt, exp2,
# with CPython's errors for arguments outside their domains.
import math

for d in [0, 30, 45.0, 90, 180, -360, 1e308]:
    print(d, math.radians(d))
for r in [0.0, 0.5, math.pi, -math.tau, 1e308]:
    print(r, math.degrees(r))
print(math.degrees(math.radians(123.0)))
for x in [0.0, 1e-10, 1.0, -0.5, 700.0]:
    print(math.expm1(x), math.log1p(x))
for x in [0.0, 0.5, -0.99]:
    print(math.asinh(x), math.atanh(x))
print(math.acosh(1.0), math.acosh(10))
print(math.cbrt(27), math.cbrt(-8.0), math.cbrt(2))
print(math.exp2(10), math.exp2(-1), math.exp2(0.5))
print(math.asinh(float("inf")), math.isnan(math.atanh(float("nan"))))
