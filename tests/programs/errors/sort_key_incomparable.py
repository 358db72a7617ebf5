# Keys that do not compare: TypeError from the sort.
xs = [3, "a", 1]
print(sorted(xs, key=lambda v: v))
