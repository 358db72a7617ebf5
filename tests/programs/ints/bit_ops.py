# Bitwise operators on small and negative ints.
a = 0b101101
b = 0b011011
print(a & b, a | b, a ^ b, ~a, ~0, ~-1)
print(a << 3, a >> 2, -a >> 2, -1 >> 10)
print(1 << 62, 1 << 63, 1 << 64, 1 << 100)
print((1 << 100) >> 99, -(1 << 100) >> 98)
print(-5 & 0xff, -5 | 3, -5 ^ 3)
print((2 ** 70 + 5) & 0xffff, (2 ** 70) | 1, (2 ** 70) ^ (2 ** 70))
