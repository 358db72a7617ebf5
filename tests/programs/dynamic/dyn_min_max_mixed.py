# min/max of mixed numeric values and of strings; errors for str vs int.
vals = [2, 3.5, -1, True, 0.25]
print(min(vals), max(vals))
print(min(2, 2.0), max(2, 2.0), min(2.0, 2), max(True, 1))
words = ["pear", "apple", "fig"]
print(min(words), max(words))
both = [1, "a"]
print(max(both))
