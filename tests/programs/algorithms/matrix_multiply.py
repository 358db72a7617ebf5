# Multiply two float matrices.
n = 12
a = [[(i + j) / n for j in range(n)] for i in range(n)]
b = [[(i - j) / n for j in range(n)] for i in range(n)]
c = [[0.0] * n for _ in range(n)]
for i in range(n):
    for j in range(n):
        s = 0.0
        for k in range(n):
            s += a[i][k] * b[k][j]
        c[i][j] = s
print(c[0][0], c[3][7], c[n - 1][n - 1])
total = 0.0
for row in c:
    for v in row:
        total += v
print(total)
