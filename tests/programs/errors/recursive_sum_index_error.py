# An exception deep inside `return f(a) + f(b)` (the first call carries the running
# sum into the callee): the traceback has one entry per frame python3 has, each at
# the call it was in, the innermost at the failing read.
def walk(xs, n):
    if n < 2:
        return xs[n] * 2
    return walk(xs, n - 1) + walk(xs, n - 2)


print(walk([5, 6, 7], 9))
print(walk([5], 9))
