# Count N-queens solutions with bitmasks.
def solve(n, row, cols, d1, d2):
    if row == n:
        return 1
    count = 0
    for c in range(n):
        if (cols >> c) & 1 == 0 and (d1 >> (row + c)) & 1 == 0 and (d2 >> (row - c + n)) & 1 == 0:
            count += solve(n, row + 1, cols | (1 << c), d1 | (1 << (row + c)), d2 | (1 << (row - c + n)))
    return count

for n in range(1, 8):
    print(n, solve(n, 0, 0, 0, 0))
