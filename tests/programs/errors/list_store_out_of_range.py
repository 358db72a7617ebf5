# A store one past the end of a list raises IndexError with the assignment wording,
# from the general (non-fast) index path, inside a loop whose reads all succeed.
def fill(xs, n):
    i = 0
    while i <= n:
        xs[i] = xs[i - 1] + 1
        i += 1
    return xs


print(fill([0, 0, 0, 0], 3))
print(fill([5, 0, 0], 3))
