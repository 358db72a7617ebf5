# Inline add and subtract at the edges of the small-int range: an overflow rebuilds
# the exact int from the wrapped word (the operands are gone by then).
M = 2 ** 62 - 1
m = -(2 ** 62)
vals = [M, M - 1, m, m + 1, 0, 1, -1, 2 ** 61, -(2 ** 61)]
for a in vals:
    for b in vals:
        x = a
        x += b
        y = a
        y -= b
        print(x, y, a + b == x, a - b == y, x - b == a)
def f(n):
    n += M
    n -= m
    return n
print(f(M), f(m), f(0), f(-M))
