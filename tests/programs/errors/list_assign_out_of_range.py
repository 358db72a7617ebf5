grid = [[0] * 2 for _ in range(2)]
grid[1][1] = 5
print(grid)
grid[2][0] = 1
