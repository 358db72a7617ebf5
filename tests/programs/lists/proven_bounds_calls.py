# A loop whose subscripts are proven inside the list once on entry may call
# functions only when no call can change a list's length: here a pure helper,
# then helpers that shrink the list directly and through another function.


def weight(i: int, j: int) -> float:
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def weighted(v: list[float], n: int) -> float:
    s = 0.0
    for j in range(n):
        s += weight(3, j) * v[j]
    return s


def shrink(xs: list[int]) -> int:
    return xs.pop()


def shrink_twice(xs: list[int]) -> int:
    return shrink(xs) + shrink(xs)


def drain(xs: list[int], at: int) -> int:
    total = 0
    for i in range(len(xs)):
        total += xs[i]
        if i == at:
            total += shrink_twice(xs)
    return total


print(weighted([1.0, 2.0, 3.0, 4.0], 4), weighted([0.5] * 10, 7))
print(drain([1, 2, 3, 4, 5, 6, 7, 8], 7))
print(drain([1, 2, 3, 4, 5], 1))
