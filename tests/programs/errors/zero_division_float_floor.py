# // by a float zero.
a = 7.0
print(a // 0.0)
