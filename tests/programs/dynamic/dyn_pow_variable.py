# int ** exponent read from a mixed list: ints, negative ints, floats.
base = 3
for e in [2, -2, 0, 1.5, -1, True, 63, 64]:
    r = base ** e
    print(e, r, r * 2)
print((-8) ** -1, 2 ** -3 + 1)
k = -2
print(10 ** k, (-10) ** k, 1 ** k, (-1) ** k)
