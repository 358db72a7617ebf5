# Builtins called with a value that may be None run, and raise CPython's TypeError
# only if it is None at that point: the running-minimum idiom leaves `best`
# optional after the loop.
def smallest(values):
    best = None
    for v in values:
        if best is None or v < best:
            best = v
    return best


def lookup(xs, k):
    if k < len(xs):
        return xs[k]
    return None


b = smallest([4, -7, 9])
print(abs(b), float(b), max(b, 0), min(3, b), pow(b, 2), divmod(b, 3), hex(b))
row = lookup([[3, 1, 2]], 0)
print(sum(row), sorted(row), max(row), len(row))
word = lookup(["a", "bc"], 1)
print(len(word), ord(word[0]))
print(abs(lookup([1, 2], 5)))
