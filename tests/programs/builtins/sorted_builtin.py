# sorted returns a new list.
xs = [3, 1, 2]
ys = sorted(xs)
print(xs, ys, sorted(xs, reverse=True))
print(sorted([2.5, -1, 0, 1e-9]), sorted("hello"), sorted((9, 8, 7)))
