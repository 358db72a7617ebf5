# Big lists in patterns that make timsort find long runs, reverse descending runs,
# merge and gallop: checksums of the results (with nans, the order is CPython's).
nan = float('nan')
seed = 2024


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed // 65536) % n


def checksum(xs):
    s = 0
    nans = 0
    for i in range(len(xs)):
        x = xs[i]
        if x != x:
            nans = (nans * 31 + i) % 1000000007
        else:
            s = (s * 131 + int(x * 4.0) + 7) % 1000000007
    return (s, nans)


def pattern(kind, n):
    xs = []
    for i in range(n):
        if kind == 0:
            xs.append(float(rand(100000)))
        elif kind == 1:
            xs.append(float(i // 3))
        elif kind == 2:
            xs.append(float(n - i))
        elif kind == 3:
            xs.append(float(i % 700))
        elif kind == 4:
            xs.append(float(rand(5)))
        else:
            xs.append(float(i % 300) if (i // 300) % 2 == 0 else float(300 - i % 300))
    return xs


for kind in range(6):
    for n in [1000, 6000]:
        xs = pattern(kind, n)
        print(kind, n, checksum(sorted(xs)), checksum(sorted(xs, reverse=True)))
        for i in range(0, n, 97):
            xs[i] = nan
        ys = list(xs)
        ys.sort()
        print(checksum(ys), ys[:5], ys[-5:])
        ys = list(xs)
        ys.sort(reverse=True)
        print(checksum(ys), ys[:5], ys[-5:])
ints = [rand(1000) - 500 for i in range(20000)]
ints.sort()
print(ints[:8], ints[9990:10000], ints[-8:], sum(ints))
