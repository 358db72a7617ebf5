# append and pop, with and without an index.
xs = []
for i in range(10):
    xs.append(i * i)
print(xs, len(xs))
print(xs.pop(), xs.pop(0), xs.pop(-2), xs)
while xs:
    xs.pop()
print(xs, len(xs))
