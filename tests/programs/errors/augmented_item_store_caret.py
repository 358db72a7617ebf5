# The store of an augmented item assignment fails at the target, with its caret
# line: a str reached through a mixed list cannot take an item.
x = [[1], "abc", (1, 2)]
x[0][0] += 5
print(x)
x[1][0] += "z"
