# Integer powers, big results, and negative bases.
print(2 ** 10, 2 ** 62, 2 ** 63, 2 ** 64, 2 ** 100)
print((-2) ** 63, (-2) ** 64, (-3) ** 41)
print(10 ** 40)
print(7 ** 0, 0 ** 0, 0 ** 5, 1 ** 1000)
print(3 ** 200 % 1000)
