# Loops bounded by len() of a list they index: the bound is the list's length
# itself, so the subscript needs no check at all, unless the test allows the
# length or the start is negative (then python3's results and errors).


def scan_while(xs: list[int], start: int) -> int:
    i = start
    total = 0
    while i < len(xs):
        total += xs[i] * (i + 1)
        i += 1
    return total


def pairs(xs: list[int]) -> int:
    total = 0
    i = 1
    while i < len(xs):
        total += xs[i] - xs[i - 1]
        i += 1
    return total


def guarded(xs: list[int], k: int) -> int:
    total = 0
    for i in range(10):
        j = i * k
        if j < len(xs):
            total += xs[j]
    return total


def one_past(xs: list[int]) -> int:
    i = 0
    total = 0
    while i <= len(xs):
        total += xs[i]
        i += 1
    return total


print(scan_while([3, 1, 4, 1, 5], 0), scan_while([3, 1, 4, 1, 5], 3))
print(scan_while([3, 1, 4, 1, 5], -2), scan_while([], 0), scan_while([7], 5))
print(pairs([1, 4, 9, 16]), pairs([5]), pairs([]))
print(guarded([10, 20, 30, 40, 50, 60, 70], 2), guarded(list(range(10, 20)), -1))
print(one_past([1, 2, 3]))
