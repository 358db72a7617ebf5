# from math import names.
from math import sqrt, pi, floor
print(sqrt(16.0), pi, floor(-0.5))
