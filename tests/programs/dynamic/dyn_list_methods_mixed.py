# List methods on mixed lists: index, count, remove, insert, pop, reverse.
xs = [1, "a", 2.0, None, "a", True]
print(xs.index("a"), xs.count("a"), xs.count(1), xs.index(2))
xs.remove("a")
xs.insert(0, (9,))
print(xs.pop(), xs.pop(0), xs)
xs.reverse()
print(xs, None in xs, 1.0 in xs)
xs.remove(5)
