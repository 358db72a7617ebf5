# sys.maxsize and int limits.
import sys
print(sys.maxsize, sys.maxsize + 1, -sys.maxsize - 1)
