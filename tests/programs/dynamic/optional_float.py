# float | None and bool | None: values that may be None without a spare word.
def average(xs):
    if not xs:
        return None
    return sum(xs) / len(xs)


def first_true(flags):
    for f in flags:
        if f:
            return True
    return None


for xs in [[1.0, 2.0], [], [0.5]]:
    a = average(xs)
    print(a, a is None, a or "empty")
print(first_true([False, True]), first_true([]), first_true([False]) is None)
best = None
for v in [2.5, 1.5, 3.5]:
    if best is None or v < best:
        best = v
print(best)
