# A countdown whose index walks off the front of the list: IndexError raised by
# the ordinary copy, at the same iteration as python3.


def countdown(xs: list[int], w: int) -> int:
    c = len(xs) - 1
    total = 0
    while c >= w:
        total += xs[c - w] * c
        c -= 1
    return total


print(countdown([5, 6, 7, 8], 1))
print(countdown([5, 6, 7, 8], -1))
print(countdown([5, 6, 7, 8], -9))
