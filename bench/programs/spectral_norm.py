# Spectral norm of the infinite matrix a(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1),
# truncated to n x n, by power iteration with A and its transpose.
def entry(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times(v, n, out):
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += entry(i, j) * v[j]
        out[i] = s


def times_transposed(v, n, out):
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += entry(j, i) * v[j]
        out[i] = s


def spectral_norm(n):
    u = [1.0] * n
    v = [0.0] * n
    tmp = [0.0] * n
    for _ in range(10):
        times(u, n, tmp)
        times_transposed(tmp, n, v)
        times(v, n, tmp)
        times_transposed(tmp, n, u)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    return (vbv / vv) ** 0.5


print(spectral_norm(1000))
