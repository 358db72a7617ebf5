# int -> float conversion rounds half to even at 53 bits.
base = 2 ** 53
print(float(base), float(base + 1), float(base + 2), float(base + 3))
big = 2 ** 60
print(float(big + 64), float(big + 128), float(big + 192), float(big + 129))
print(float(-(base + 1)), float(-(base + 3)), float(10 ** 23), float(10 ** 22))
print(float(2 ** 1023), float(2 ** 1024 - 2 ** 971))
