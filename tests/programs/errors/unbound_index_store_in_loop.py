# An item assignment in a loop over a list of ints whose index no path assigns:
# UnboundLocalError at the first read, as in python3.
def fill(xs):
    ys = xs
    total = 0
    while i < len(xs):
        ys[i] = 2 ** 63 + i
        total += xs[i]
        i += 1
    return total


print(fill([1, 2, 3]))
