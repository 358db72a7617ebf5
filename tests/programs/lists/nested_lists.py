# A matrix as a list of lists.
n = 4
m = []
for i in range(n):
    row = []
    for j in range(n):
        row.append(i * n + j)
    m.append(row)
print(m)
t = [[m[j][i] for j in range(n)] for i in range(n)]
print(t)
print(m[2][3], t[3][2], len(m), len(m[0]))
