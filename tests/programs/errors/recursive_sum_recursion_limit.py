# RecursionError in `return f(n - 1) + f(n - 2)` that only goes deep on one side:
# the frame counted at the limit and the traceback are python3's.
def lopsided(n):
    if n < 2 or n % 7 == 3:
        return n
    return lopsided(n - 1) + lopsided(n - 2)


def deep(n, limit):
    if n >= limit:
        return 1
    return deep(n + 1, limit) + deep(n + 2, limit)


print(lopsided(30), deep(0, 20))
print(deep(0, 2000))
