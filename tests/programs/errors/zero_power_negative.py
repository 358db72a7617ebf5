# 0.0 to a negative power.
print(0.0 ** -1)
