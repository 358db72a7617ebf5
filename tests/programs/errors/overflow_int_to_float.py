# An int too large for a float.
big = 10 ** 400
print(big > 0)
print(float(big))
