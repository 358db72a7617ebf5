# math.floor of nan cannot become an int: ValueError, as in CPython.
import math

print(math.floor(2.5))
print(math.floor(math.nan))
