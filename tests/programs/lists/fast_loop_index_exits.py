# Inside a while loop over small ints, krait's fast copy handles only indices in
# [0, len); a negative, big or bool index, or one past the end, runs that access
# again in the ordinary copy. Every such access must still give python3's answer.
def walk_back(xs):
    i = -1
    total = 0
    while i >= -len(xs):
        total = total * 3 + xs[i]
        i -= 1
    return total


def mixed_signs(xs, steps):
    i = 0
    k = 0
    out = []
    while k < steps:
        out.append(xs[i])
        i = -i - 1 if i >= 0 else -i
        k += 1
    return out


def with_tuple_and_str(t, s):
    i = 0
    acc = ""
    while i < len(t):
        acc += s[t[i]] + s[-t[i] - 1]
        i += 1
    return acc


def grows(xs):
    i = 1
    seen = 0
    while i < 2 ** 70:
        if i < len(xs):
            seen += xs[i]
        i *= 4
    return seen, i


def flags(xs):
    i = 0
    count = 0
    while i < 6:
        count += xs[i % 2 == 0] + xs[True] - xs[False]
        i += 1
    return count


def stops_at_end(xs):
    i = 0
    total = 0
    while i < 100:
        if i >= len(xs):
            return total, i
        total += xs[i]
        i += 1
    return total, -1


print(walk_back([1, 2, 3, 4, 5]), walk_back([7]))
print(mixed_signs([10, 20, 30, 40, 50, 60], 9))
print(with_tuple_and_str((0, 2, 4, 1), "abcdef"))
print(grows([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]))
print(flags([100, 1]))
print(stops_at_end([4, 5, 6]))
