# An exception raised some iterations into a self tail call turned into a loop:
# the traceback has one entry per frame, the innermost at the failing index.
def walk(xs, i):
    if xs[i] < 0:
        return i
    return xs[i] + walk(xs, i + 1)


print(walk([1, 2, -1], 0))
print(walk([1, 2, 3, 4], 0))
