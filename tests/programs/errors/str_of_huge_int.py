# str() of an int past 4300 decimal digits raises ValueError, as in CPython 3.11.
n = 10 ** 5000
print(len(str(10 ** 4299)))
print(str(n))
