# Subscripts whose bounds a fast loop proves once on entry: every way the proof
# can fail must still give python3's results and errors.


def countdown_pairs(best: list[int], w: int, v: int) -> list[int]:
    c = len(best) - 1
    while c >= w:
        candidate = best[c - w] + v
        if candidate > best[c]:
            best[c] = candidate
        c -= 1
    return best


def prefix(xs: list[int], n: int) -> int:
    total = 0
    for i in range(n):
        total += xs[i]
    return total


def neighbours(xs: list[int], stop: int) -> int:
    total = 0
    for i in range(stop):
        total += xs[i + 1] - xs[i]
    return total


def from_the_end(xs: list[int], start: int) -> int:
    total = 0
    i = start
    while i >= 0:
        total = total * 3 + xs[i]
        i -= 1
    return total


def mixed_signs(xs: list[int], lo: int, hi: int) -> list[int]:
    out = []
    for i in range(lo, hi):
        out.append(xs[i])
    return out


def stride(xs: list[float], step: int) -> float:
    total = 0.0
    for i in range(0, len(xs), step):
        total += xs[i]
    return total


def reassigned_index(xs: list[int]) -> int:
    total = 0
    for i in range(len(xs)):
        j = i * 2
        if j < len(xs):
            total += xs[j]
    return total


def stores_in_place(xs: list[int], lo: int, hi: int) -> list[int]:
    for i in range(lo, hi):
        xs[i] = xs[i] * 2 + i
    return xs


def early_exit(xs: list[int], limit: int) -> int:
    i = 0
    while i < limit:
        if xs[i] < 0:
            break
        i += 1
    return i


def strided(xs: list[int], start: int, stop: int, step: int) -> list[int]:
    for j in range(start, stop, step):
        xs[j] = xs[j] + j
    return xs


print(strided([0] * 10, 1, 10, 3), strided([0] * 10, 9, -1, -4))
print(strided([0] * 4, 0, 4, True), strided([0] * 4, -4, 4, 3))
print(strided([0] * 4, 3, -5, -2))
print(countdown_pairs([0] * 10, 3, 5))
print(countdown_pairs([1, 2, 3, 4, 5, 6], 0, 1))
print(countdown_pairs([1, 2, 3, 4, 5, 6], 6, 1))
print(countdown_pairs([1, 2, 3, 4, 5, 6], 9, 1))
print(prefix([4, 5, 6, 7], 4), prefix([4, 5, 6, 7], 0), prefix([4, 5, 6, 7], -2))
print(neighbours([1, 4, 9, 16, 25], 4))
print(from_the_end([1, 2, 3, 4], 3), from_the_end([1, 2, 3, 4], -1))
print(mixed_signs([10, 20, 30, 40, 50], -3, 3))
print(mixed_signs([10, 20, 30, 40, 50], 1, 4))
print(stride([0.5, 1.5, 2.5, 3.5, 4.5], 2), stride([], 3))
print(reassigned_index([1, 2, 3, 4, 5, 6, 7]))
print(stores_in_place([1, 2, 3, 4, 5], 1, 4))
print(stores_in_place([1, 2, 3, 4, 5], -5, 0))
print(early_exit([3, 1, -4, 1], 4), early_exit([3, 1, 4, 1], 4))
# A loop whose first iterations are inside and whose last is not.
try_lists = [[1, 2, 3], [1, 2, 3, 4, 5, 6]]
for xs in try_lists:
    print(from_the_end(xs, len(xs) - 1))
print(neighbours([1, 4, 9, 16, 25], 5))
