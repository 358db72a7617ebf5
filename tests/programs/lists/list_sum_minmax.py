# sum, min and max over lists.
xs = [7, -3, 12, 0, 5]
print(sum(xs), min(xs), max(xs), sum([]), sum(xs, 100))
print(max([1.5, 2, -3]), min(["b", "a", "c"]))
