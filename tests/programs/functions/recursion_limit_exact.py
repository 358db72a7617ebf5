# Self-recursive functions at the edge of the recursion limit (1000 frames with
# <module>): the deepest call that fits succeeds and one frame more fails, for even
# and odd depths alike (the compiler runs two levels of a self-recursive function
# per native call), and the frame of each level is in the traceback.
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def countdown(n, acc):
    if n <= 0:
        return acc
    return countdown(n - 1, acc + n)


print(depth(998))
print(depth(997))
print(countdown(998, 0))
print(countdown(997, 1))


def fails_at(n):
    if n == 0:
        return 1 // n
    return fails_at(n - 1) + 1


print(fails_at(3) if False else "skip")
print(depth(999))
