# A function returning a tuple of mixed types.
def stats(n):
    total = 0
    sq = 0.0
    for i in range(1, n + 1):
        total += i
        sq += i * i
    return total, sq / n, n > 5

print(stats(10))
s, m, big = stats(3)
print(s, m, big)
