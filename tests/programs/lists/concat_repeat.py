# + and * on lists.
a = [1, 2]
b = [3]
print(a + b, a * 3, [0] * 5, b * 0, a + [])
c = a
c = c + [9]
print(a, c)
