# list.index() of a value that is only outside the given bounds.
xs = [1, 2, 3, 1, 2, 3]
print(xs.index(2, 4))
print(xs.index(2, 4, 4))
