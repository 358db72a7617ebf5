# Crossing the small-int boundary in every direction stays exact.
m = 2 ** 62
print(m, m - 1, m + m, -m - m)
n = 2 ** 63 - 1
print(n, n + 1, -n - 1, -n - 2)
print(n * 2, n * n)
print((n + 1) - 1 == n)
print(-(-n - 1))
k = 4611686018427387903
print(k + 1, k * 2 + 1, k * -2 - 2)
