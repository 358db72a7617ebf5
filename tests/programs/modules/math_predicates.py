# isnan, isinf, isfinite and isclose.
import math
for x in (0.0, 1.0, math.inf, -math.inf, math.nan):
    print(x, math.isnan(x), math.isinf(x), math.isfinite(x))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1))
