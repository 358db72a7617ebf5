# The code after a loop that only the loop reaches and that returns runs in the
# loop's fast copy too (krait keeps what it knew about the loop's ints there).
# Writes there that make an int big, and list changes there, must stay exact.
def scaled(n, xs):
    i = 0
    while i < n:
        i += 1
    i = i * 2 ** 62
    return i + xs[0]


def appended(xs):
    i = 0
    s = 0
    while i < len(xs):
        s += xs[i]
        i += 1
    xs.append(2 ** 70)
    return s + xs[-1] + xs[i]


def stored(xs):
    i = 0
    while i < len(xs) and xs[i] < 100:
        i += 1
    xs[0] = -(2 ** 64)
    return xs[0] - i


def early(n):
    k = 0
    while k < n:
        if k * k > 50:
            return k * 2 ** 61
        k += 1
    return -k


print(scaled(3, [5]), scaled(0, [-1]))
print(appended([1, 2, 3]), appended([]))
print(stored([1, 2, 300]), stored([7]))
print(early(100), early(5), early(0))
