# Integer square root by binary search, on huge numbers.
def isqrt(n):
    lo = 0
    hi = n + 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid
    return lo

for n in (0, 1, 15, 16, 17, 10 ** 12, 2 ** 127, 10 ** 50 + 12345):
    r = isqrt(n)
    print(n, r, r * r <= n < (r + 1) * (r + 1))
