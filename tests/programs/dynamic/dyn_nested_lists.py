# Nested lists of mixed values: access, item assignment, len.
grid = [[1, "a", 2.5], [None, True], [], [[3]]]
print(len(grid), [len(r) for r in grid])
grid[1][0] = "filled"
grid[0][2] = grid[0][1] * 3
print(grid)
flat = []
for row in grid:
    for cell in row:
        flat.append(cell)
print(flat, len(flat))
print(grid[3][0][0] + 1, grid[0][1:], grid[-1])
