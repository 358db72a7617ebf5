# Floor division and modulo by constant powers of two (a shift and a mask on the
# tagged word), for signs, the small-int limits and big ints.
def f(xs: list[int]) -> list[int]:
    out = []
    for x in xs:
        out.append(x // 2)
        out.append(x % 2)
        out.append(x // 8)
        out.append(x % 8)
        out.append(x % 2**61)
        out.append(x // 2305843009213693952)
        out.append(x % 2305843009213693952)
        out.append(x % 4 == 3)
    return out

vals = [0, 1, -1, 2, -2, 7, -7, 8, -8, 9, -9, 2**61, -(2**61), 2**62 - 1, -(2**62), 2**62, -(2**62) - 1, 2**70 + 5, -(2**70) - 5]
print(f(vals))
