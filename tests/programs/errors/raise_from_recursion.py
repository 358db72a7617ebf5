# An OverflowError raised by hand from deep recursion.
def climb(n, limit):
    if n > limit:
        raise OverflowError("climbed past " + "the limit")
    return climb(n * 2, limit) + 1

print(climb(1, 10 ** 6))
