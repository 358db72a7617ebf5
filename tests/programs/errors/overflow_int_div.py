# True division of huge ints whose result is too large for a float.
print((10 ** 400) / 3)
