# Lists made by an operation (`*`, `+`, slicing, sorted(), list(), copy(),
# str.split()) that later receive items of another type: their items must be in
# the mixed (dyn) representation from the start. This crashed (the copied items
# kept their unboxed form).
x = [0.5] * 3
x[0] = 1
print(x)
print([[0.5] * 2, ["s"]])
r = [None] * 3
r[1] = 2
print(r, r[0] is None)
b = [True] * 2
b[0] = 5
print(b)
joined = [0.5] + [1.5]
print([joined, [1]])
tail = [1.5, 2.5, 3.5][1:]
tail.append("end")
print(tail)
ordered = sorted([2 ** 62, 1, 2.5])
ordered[0] = "first"
print(ordered)
copied = [1.5, 2.5].copy()
copied.append(None)
print(copied)
listed = list([0.25])
listed.append("q")
print(listed)
row = [0.5]
grid = [row] * 2
grid[0].append("s")
print(grid, row)
grown = [1.5]
grown *= 2
grown += [2.5]
grown.append("s")
print(grown)
words = "a b".split()
words.append(3)
lines = "x\ny".splitlines()
lines.append(None)
print(words, lines)
chars = list("hé")
chars.append(0)
print(chars, sorted((2.5, 1.5)) + ["s"], list((1, "x")) + [2.5])


def pad(items):
    items.append("pad")
    return items


print(pad([1.5] * 2), pad(sorted((3, 1))))
