# Tests before a loop narrow what it knows on entry (the loop over a range with
# a variable step runs after testing the step's sign); a variable assigned after
# its test must not keep what the test said.


def mark(flags: list[bool], start: int, stop: int, step: int) -> int:
    for j in range(start, stop, step):
        flags[j] = not flags[j]
    return flags.count(True)


def shifted(xs: list[int], start: int) -> int:
    total = 0
    if start >= 0:
        start -= 3
        while start < len(xs):
            total += xs[start] * 10 + start
            start += 1
    return total


def nested_tests(xs: list[int], lo: int, hi: int) -> int:
    total = 0
    if lo >= 0:
        if hi <= len(xs):
            for i in range(lo, hi):
                total += xs[i]
    return total


print(mark([False] * 20, 2, 20, 3), mark([False] * 20, 19, 0, -4))
print(mark([False] * 20, 0, 20, 7), mark([False] * 20, -20, 20, 9))
print(shifted([5, 6, 7, 8], 1), shifted([5, 6, 7, 8], 0), shifted([5, 6, 7, 8], -1))
print(nested_tests([1, 2, 3, 4, 5], 1, 4), nested_tests([1, 2, 3], 0, 9))
print(mark([False] * 5, 0, 9, 2))
