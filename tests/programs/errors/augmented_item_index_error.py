# The item read of an augmented item assignment fails at the target, with
# its caret line.
grid = [[1, 2], [3]]
grid[0][1] += 5
print(grid)
grid[1][3] += 1
