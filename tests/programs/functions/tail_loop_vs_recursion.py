# The same sum by loop and by recursion agree.
def by_loop(n):
    s = 0
    for i in range(n + 1):
        s += i * i
    return s

def by_rec(n):
    if n < 0:
        return 0
    return n * n + by_rec(n - 1)

for n in (0, 1, 10, 100, 400):
    print(n, by_loop(n), by_rec(n), by_loop(n) == by_rec(n))
