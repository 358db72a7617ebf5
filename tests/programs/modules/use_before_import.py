# A module name used before its `import` statement has run is a NameError, as in
# Python, whether the use is at module level or in a function called too early;
# after the import, the same uses work.
def root(x):
    return math.sqrt(x)


print("start")
try_early = len("ab") > 5
if try_early:
    import math
from math import floor
print(floor(2.5))
import math
print(root(16.0), math.pi)
import sys
print(len(sys.argv) > 0)
print(root(2.0) < 1.5)


def late():
    return time.time() > 0


print(late())
import time
