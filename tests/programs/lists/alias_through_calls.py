# An empty list learns its element type from a callee that fills it, and every
# alias (argument, global, element of another list) sees the same list.
def fill(acc, n):
    for i in range(n):
        acc.append(i * i)


def first_or_default(xs, default):
    if len(xs) == 0:
        return default
    return xs[0]


squares = []
fill(squares, 5)
print(squares, first_or_default(squares, -1))
alias = squares
alias.append(100)
print(squares, len(squares))
holder = [[], []]
holder[1].append(3.5)
holder[0].extend([1.5, 2.5])
print(holder)
empty = []
print(empty, len(empty), first_or_default([7, 8], 0))
