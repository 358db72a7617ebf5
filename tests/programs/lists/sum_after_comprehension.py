# sum() of a list a comprehension fills: typed from the items the list gets (float
# here), not from the empty list it starts as, so the mean and deviation stay
# floats all the way to math.sqrt.
import math


def stats(xs: list[float]) -> tuple[float, float]:
    m = sum(xs) / len(xs)
    squares = [(x - m) ** 2 for x in xs]
    v = sum(squares) / len(xs)
    return m, math.sqrt(v)


print(stats([1.0, 2.5, 3.25, -4.0]))
print(stats([2.0]))


def total_lengths(words: list[str]) -> int:
    lengths = []
    for w in words:
        lengths.append(len(w))
    return sum(lengths)


print(total_lengths(["a", "bb", "ccc"]), total_lengths([]))
print(sum([]), sum([x * 0.5 for x in range(4)]), sum([x for x in range(0)]))
