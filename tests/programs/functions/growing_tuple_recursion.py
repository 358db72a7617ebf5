# Recursion that passes a growing tuple along: each call's tuple is one longer.
adjacent = [[1, 2], [3], [3, 4], [], [5], []]


def paths(node, path):
    if not adjacent[node]:
        print(path)
        return 1
    count = 0
    for nxt in adjacent[node]:
        count += paths(nxt, path + (nxt,))
    return count


print(paths(0, (0,)))


def collect(xs, i, acc):
    if i == len(xs):
        return acc
    return collect(xs, i + 1, acc + (xs[i] * 2,))


print(collect(list(range(25)), 0, ()))
