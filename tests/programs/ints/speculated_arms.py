# Loops whose if/else arms are small int computations that steer the condition:
# a fast loop computes both arms and keeps one. Values cross the small-int limits
# (2^62) inside one arm, the other, or both, so every way out of the computed arms
# is taken.


def chain(n: int) -> int:
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


print(chain(27), chain(97), chain(871))
# Odd starts whose 3n + 1 leaves the small range at once, or after a few steps.
print(chain(2**61 + 1), chain(2**62 - 1), chain(2**62 - 3), chain(2**63 + 1))
print(chain(1537228672809129301), chain(1537228672809129299))
print(chain(2**100 + 7), chain(3**40))


def two_vars(xs: list[int]) -> tuple[int, int]:
    a = 0
    b = 1
    for x in xs:
        if x > a - 3:
            a = a + x
            b = b - 1
        else:
            a = a - 2 * x
            b = b * 3
    return a, b


print(two_vars([1, -2, 3, -4, 5]))
# b triples past 2^62 in the else arm while the then arm stays small.
print(two_vars([-1] * 45 + [2, 3]))
# a grows past 2^62 in the then arm.
print(two_vars([2**61, 2**61, 2**61, -1, 7]))
# Values that are big from the start.
print(two_vars([2**64, -(2**64), 5]))


def floors(xs: list[int]) -> list[int]:
    out = []
    x = 0
    y = 0
    i = 0
    while i < len(xs):
        x = xs[i]
        i += 1
        if (x + y) % 3 == 1:
            y = x // 4 - 7
        else:
            y = (x % -5) + (x >> 2)
        out.append(y)
    return out


print(floors(list(range(-12, 13))))
print(floors([2**62 - 1, -(2**62), 2**62, -(2**62) - 1, 2**70 + 1]))


def mixed(n: int) -> int:
    # The arm not taken would overflow: its result is dropped.
    t = 1
    u = 2**62 - 10
    for i in range(n):
        if (i + t) % 3 == 0:
            t = t + 5
        else:
            t = u + 100
            u = u - 1
    return t + u


print(mixed(1), mixed(2), mixed(10))


def down(n: int) -> int:
    # Subtractions of constants down to and past -2^62.
    m = 0
    while n > -(2**62) - 20:
        if n & 1:
            n = n - 2305843009213693952  # 2**61
            m = m + 1
        else:
            n = n - 3
            m = m - 1
    return n + m


print(down(100), down(2**62 - 1), down(-(2**62) + 3))
