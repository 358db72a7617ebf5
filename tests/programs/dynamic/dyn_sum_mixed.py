# sum() over mixed lists, and a sum that fails on a str element.
print(sum([1, 2.5, True]))
print(sum([0.1, 0.2, 0.3]))
print(sum([1, 2], 0.5), sum([True, True]), sum([], 7))
print(sum([1, "s", 3]))
