# len of strings, lists, tuples and ranges.
print(len("abc"), len([1, 2]), len((1, 2, 3)), len(range(10)), len(range(10, 0, -3)))
print(len([]), len(""), len(range(0)), len(range(5, 100, 7)))
