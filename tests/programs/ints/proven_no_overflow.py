# Arithmetic a fast loop proves stays small runs without overflow checks; near
# and past the edges of the small range everything must stay exact.

HALF = 2**61


def count_between(c: int, w: int) -> int:
    steps = 0
    while c >= w:
        steps += 1
        c -= 1
    return steps


def spread(lo: int, n: int) -> list[int]:
    out = []
    for i in range(n):
        out.append(lo + i - n)
    return out


def tripled(x: int, n: int) -> int:
    for _ in range(n):
        x = x * 3 + 1
    return x


def lcg(seed: int, n: int) -> int:
    total = 0
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        total += seed % 1000
    return total


def offsets(k: int, n: int) -> list[int]:
    out = []
    for i in range(n):
        s = i + k
        out.append(s + k)
    return out


print(count_between(10, 3), count_between(3, 10), count_between(-5, -8))
print(count_between(HALF - 1, HALF - 4), count_between(HALF + 2, HALF - 1))
print(count_between(-HALF, -HALF - 3), count_between(2**62 + 1, 2**62 - 2))
print(count_between(2**70 + 2, 2**70), count_between(-(2**70), -(2**70) - 1))
print(spread(-HALF, 3), spread(-(2**62), 3), spread(2**63, 2))
print(tripled(1, 5), tripled(1, 50), tripled(-(2**40), 30))
print(lcg(42, 1000), lcg(2**40, 10))
print(offsets(HALF - 1, 3), offsets(2**62 - 1, 2), offsets(-(2**62), 2))
