# Self-recursive functions of many shapes (defaults, keywords, float/str/tuple/list/bool/
# optional/big-int results, comprehensions inside): each runs two levels per native call
# through its unrolled copy, and must answer as python3 does.
def power_set_size(items, k=0):
    if k == len(items):
        return 1
    return 2 * power_set_size(items, k + 1)


def halves(x: float, depth=0) -> float:
    if x < 1.0:
        return x + depth
    return halves(x / 2, depth=depth + 1)


def spell(n):
    if n == 0:
        return ""
    return spell(n // 10) + "abcdefghij"[n % 10]


def pair(n):
    if n <= 1:
        return (n, 1.5)
    a, b = pair(n - 1)
    return (a + n, b * 1.5)


def flags(n):
    if n == 0:
        return [True]
    rest = flags(n - 1)
    return rest + [n % 2 == 0]


def even(n):
    if n == 0:
        return True
    return not even(n - 1)


def squares(n):
    if n == 0:
        return []
    return squares(n - 1) + [x * x for x in range(n)]


def maybe(n):
    if n > 5:
        return None
    if n == 5:
        return 5
    return maybe(n + 1)


def big(n):
    if n == 0:
        return 1
    return big(n - 1) * 3


print(power_set_size([1, 2, 3, 4, 5]), halves(1000.0), spell(90210), pair(6))
print(flags(5), even(7), even(10), squares(4), maybe(0), maybe(9), big(50))
print(sum(len(squares(k)) for k in range(6)))
