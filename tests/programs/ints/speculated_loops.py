# Loops whose int variables start small and may outgrow 62 bits mid-loop (krait
# runs such loops on a fast copy that assumes small ints and leaves it when one
# grows): every result must stay exact.
def powers(n):
    x = 1
    i = 0
    total = 0
    while i < n:
        x = x * 3
        total = total + x % 1000 + i
        i += 1
    return x, total


def countdown(start, step):
    c = start
    steps = 0
    while c > 0:
        c -= step
        steps += 1
    return c, steps


def mixed(limit):
    a = 0
    b = 1
    k = 0
    out = []
    while k < limit:
        a, b = b, a + b
        if k % 25 == 0:
            out.append(a % 97)
        k += 1
    return a, b, out


def with_list(n):
    best = [0] * (n + 1)
    big = 2 ** 62 - 5
    for i in range(1, n + 1):
        best[i] = best[i - 1] + big // n
    c = n
    acc = 0
    while c >= 1:
        acc += best[c] - best[c - 1]
        c -= 1
    return acc, best[n]


print(powers(10))
print(powers(100))
print(countdown(10, 3), countdown(2 ** 70, 2 ** 68), countdown(2 ** 63, 2 ** 62 - 1))
print(mixed(10))
print(mixed(200))
print(with_list(10))
print(with_list(100))
