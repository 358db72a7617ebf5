# A return of a local no path assigns: UnboundLocalError, with the caret under it.
def divisor_sum(n):
    d = 2
    while d * d <= n:
        if n % d == 0:
            s += d
        d += 1
    return s


for n in range(2, 10):
    print(divisor_sum(n))
