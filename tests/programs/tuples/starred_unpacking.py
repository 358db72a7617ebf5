# Unpacking with a starred target: the rest as a list, from lists, strs, tuples
# (of mixed types) and in for loops; too few items is a ValueError.
a, *b = [1, 2, 3]
print(a, b)
*c, d = "hello"
print(c, d)
e, *f, g = (1, "x", 2.5, None)
print(e, f, g)
h, *i = [7]
print(h, i)
for first, *rest in [[1, 2, 3], [4], [5, 6]]:
    print(first, rest)
[p, *q] = [9, 8]
print(p, q)
(m, n), *o = [(1, 2), (3, 4)]
print(m, n, o)
x, *y, z = [1, 2]
print(x, y, z)
