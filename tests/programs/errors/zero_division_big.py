# Big int divided by zero.
big = 10 ** 30
print(big // 7)
print(big // 0)
