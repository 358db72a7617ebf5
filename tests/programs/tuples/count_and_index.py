# tuple.count() and tuple.index() on tuples of one type and of mixed types.
t = (1, "a", 2.0, 1, [1], True)
print(t.count(1), t.count("a"), t.count(2), t.count([1]), t.index(2.0), t.index([1]))
u = (3, 1, 3)
print(u.count(3), u.index(1), u.index(3))
pairs = ((1, 2), (3, 4), (1, 2))
print(pairs.count((1, 2)), pairs.index((3, 4)))
print(("x", "y").index("y"))
