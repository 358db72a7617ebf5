# An index past the end inside a fast loop: the ordinary copy raises IndexError
# with python3's traceback.
def scan(xs, limit):
    i = 0
    total = 0
    while i < limit:
        total += xs[i] * 2
        i += 1
    return total


print(scan([1, 2, 3], 3))
print(scan([1, 2, 3], 4))
