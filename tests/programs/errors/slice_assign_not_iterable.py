# A slice can only be assigned the items of an iterable.
xs = [1, 2, 3]
xs[1:] = (4,)
print(xs)
xs[:1] = 5
