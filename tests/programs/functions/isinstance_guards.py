# `isinstance` tests on a parameter select the code each specialisation runs: the
# branch for the other types is not typed for it (len() of an int, iterating an
# int), as Python never runs it.
def size(x):
    if isinstance(x, list):
        return len(x)
    return 0


def depth(x):
    if isinstance(x, list):
        best = 0
        for item in x:
            d = depth(item)
            if d > best:
                best = d
        return best + 1
    return 0


def describe(v):
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return "number " + str(v * 2)
    if isinstance(v, str):
        return "text " + v.upper()
    return "other"


def total(x):
    if not isinstance(x, list):
        return x
    s = 0
    for item in x:
        s += total(item)
    return s


print(size(5), size([1, 2, 3]), size("abc"))
print(depth(5), depth([1, [2, [3, [4]]], 5]), depth([]))
print(describe(3), describe(2.5), describe("hi"), describe(True), describe(None))
print(total(7), total([1, [2, 3], [[4]], []]))
