# Perfect numbers by divisor sums.
def divisor_sum(n):
    s = 1
    d = 2
    while d * d <= n:
        if n % d == 0:
            s += d
            if d * d != n:
                s += n // d
        d += 1
    return s

for n in range(2, 10000):
    if divisor_sum(n) == n:
        print(n)
