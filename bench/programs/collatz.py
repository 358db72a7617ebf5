# Integer while loops: the longest Collatz chain below a bound.
def chain(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def longest(limit):
    best = 0
    best_start = 1
    for start in range(1, limit):
        s = chain(start)
        if s > best:
            best = s
            best_start = start
    return best_start * 1000 + best


print(longest(800000))
