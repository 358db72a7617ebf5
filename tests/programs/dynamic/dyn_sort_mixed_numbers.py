# Sorting and comparing lists mixing ints, floats and bools.
xs = [3, 1.5, False, -2, True, 2.25, 0, -0.5]
print(sorted(xs))
print(sorted(xs, reverse=True))
xs.sort()
print(xs)
print(xs[0] < xs[-1], xs[2] == 0, xs[3] <= False)
print(max(xs), min(xs), sum(xs), sum(xs, 10))
