# Sorting floats with nans: "<" is then not an order, and the result is whatever
# CPython's list sort (timsort) makes of it, item for item.
nan = float('nan')
inf = float('inf')
print(sorted([3.0, nan, 1.0, 2.0]))
print(sorted([nan, 3.0, 1.0, 2.0]))
print(sorted([3.0, 1.0, 2.0, nan]))
print(sorted([2.0, nan, 1.0, nan, 0.5, -1.0]))
print(sorted([nan, nan, 1.0, 0.0]))
print(sorted([0.0, -0.0, 1.0, -0.0, 0.0]))
print(sorted([inf, -inf, nan, 0.0, -0.0]))
xs = [5.0, nan, 4.0, 3.0, nan, 2.0, 1.0]
xs.sort()
print(xs)
xs = [5.0, nan, 4.0, 3.0, nan, 2.0, 1.0]
xs.sort(reverse=True)
print(xs)
print(sorted([1.0, nan, 2.0, 3.0], reverse=True))

seed = 12345


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed // 65536) % n


def make(n, nan_every, spread):
    xs = []
    for i in range(n):
        if rand(nan_every) == 0:
            xs.append(nan)
        else:
            xs.append(float(rand(spread)) / 2.0 - 3.0)
    return xs


for n in [5, 9, 17, 33, 64, 65, 100, 150]:
    for nan_every in [2, 5, 30]:
        xs = make(n, nan_every, 40)
        print(n, nan_every, sorted(xs))
        ys = list(xs)
        ys.sort(reverse=True)
        print(ys)

# Runs that get merged (and galloped) around the nans.
xs = []
for k in range(6):
    for i in range(50):
        xs.append(float(i * (k + 1) % 97))
    xs.append(nan)
xs.sort()
print(xs[:20], xs[150:170], xs[-20:])
