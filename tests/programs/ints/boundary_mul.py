# Products that overflow 63 and 64 bits, with every sign combination.
a = 3037000499
b = 3037000500
print(a * a, b * b, a * -b, -a * -b)
c = 4294967296
print(c * c, c * c * c, -c * c, c * -c * c)
m = 4611686018427387903
print(m * 2, m * -2, m * m, (m + 1) * -1, -(m + 1) * -1)
print(2 * -4611686018427387904, -4611686018427387904 * -1)
