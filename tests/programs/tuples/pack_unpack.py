# Tuple packing and unpacking, and swaps.
t = 1, 2, 3
a, b, c = t
print(t, a, b, c)
a, b = b, a
print(a, b)
x, y, z = 1.5, "s", None
print(x, y, z)
a, b, c = c, a, b
print(a, b, c)
