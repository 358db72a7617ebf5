# `return f(a) + f(b)`: krait passes the running sum into the first call, whose own
# loop adds to it (one accumulator through the whole recursion). The sums must be
# python3's exactly: across 2**62 in either direction, with big values entering a
# call as its starting sum, with mixed signs, and with the addend on either side.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def scaled(n, unit):
    # Leaves are unit or -unit: the sum crosses the small-int edge mid-recursion.
    if n < 2:
        return unit if n == 1 else -unit
    return scaled(n - 1, unit) + scaled(n - 2, unit)


def tilted(n):
    # The tail call on the left, the summed call on the right.
    if n <= 0:
        return 2 ** 61 - n
    return tilted(n - 3) + tilted(n - 1)


def three(n, k):
    # Two summed calls and a tail call.
    if n < 3:
        return k * n
    return three(n - 1, k) + three(n - 2, -k) + three(n - 3, k)


def count_nodes(n):
    if n < 2:
        return 1
    return 1 + count_nodes(n - 1) + count_nodes(n - 2)


def starts_big(n):
    if n < 2:
        return 2 ** 70 * (n + 1)
    return starts_big(n - 1) + starts_big(n - 2)


def back_to_small(n):
    # Big partial sums that come back below 2**62 before the end.
    if n < 2:
        return (-1) ** n * 2 ** 63
    return back_to_small(n - 1) + back_to_small(n - 2)


for n in range(0, 25, 4):
    print(n, fib(n), count_nodes(n))
for unit in [1, 2 ** 40, 2 ** 59, 2 ** 61, 2 ** 62, -(2 ** 61), 3 * 2 ** 60]:
    print(unit, scaled(12, unit), scaled(13, -unit))
print([tilted(n) for n in range(8)])
print([three(n, 2 ** 60) for n in range(10)])
print([three(n, -7) for n in range(12)])
print(starts_big(10), back_to_small(11), back_to_small(12))
print(fib(90 - 60), scaled(20, 2 ** 62 - 1))
