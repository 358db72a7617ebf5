# Lists whose elements have different types.
items = [3, "three", 3.0, None, [3], (3,), True]
print(items, len(items))
print(items[1], items[-2], items[1:3], items[::-2])
print(3 in items, "three" in items, 4 in items, [3] in items)
print(items.index(3.0), items.count(3))
items.append(-1)
items[0] = "zero"
print(items)
numbers = [1, 2.5, True, -4]
print(sorted(numbers), max(numbers), min(numbers), sum(numbers))
print(numbers == [1, 2.5, 1, -4], numbers < [1, 3])
grid = [[1, "a"], [2.5, None]]
for row in grid:
    for cell in row:
        print(cell, end=" ")
    print()
