# enumerate and zip.
names = ["a", "b", "c"]
for i, n in enumerate(names):
    print(i, n)
for x, y in zip([1, 2, 3], [4.0, 5.0, 6.0]):
    print(x * y)
