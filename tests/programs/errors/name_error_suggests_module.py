# NameError's "Did you mean" offers the names imports bound (they are globals).
import math
from math import sqrt as root

print(round(root(math.pi), 3))
print(maths)
