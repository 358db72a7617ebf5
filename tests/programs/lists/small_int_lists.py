# krait keeps, per list, whether every item is a small int, and loops over lists of
# ints read items without tag tests while it holds. Every way a big int can get
# into a list (and so clear that knowledge) must still give python3's results.
def total(xs):
    i = 0
    s = 0
    while i < len(xs):
        s += xs[i]
        i += 1
    return s


def grow_inside(xs):
    i = 0
    while i < len(xs):
        xs[i] = xs[i] * 2 ** 40 + xs[i - 1]
        i += 1
    return total(xs)


def through_alias(xs):
    ys = xs
    i = 0
    s = 0
    while i < len(xs):
        ys[i] = 2 ** 63 + i
        s += xs[i] - ys[i - 1]
        i += 1
    return s


def shrink(xs):
    i = 0
    s = 0
    while i < len(xs) - 1:
        s += xs[i]
        del xs[0]
        i += 1
    return s, xs


def dyn_append(xs, v):
    xs.append(v)
    return len(xs)


small = [1, 2, 3, 4]
print(total(small), grow_inside([1, 2, 3]), grow_inside([5]))
print(total([2 ** 62, 1, -(2 ** 62) - 1]), total([2 ** 62 - 1, 1]))
print(total([7] * 4), total([2 ** 70] * 3), total([1, 2 ** 64] * 2))
print(total(small + [2 ** 65]), total([2 ** 65] + small), total(small + small))
big = small[:]
big.append(2 ** 80)
print(total(big), total(big[:2]), total(big[3:]), total(big[::2]), total(big[::-1]))
ext = [1, 2]
ext.extend([3, 2 ** 66])
ins = [1, 2, 3]
ins.insert(1, -(2 ** 90))
print(total(ext), total(ins), total(sorted(ins)), total([x * 2 ** 61 for x in small]))
rep = [3, 4]
rep *= 3
rep += [2 ** 100]
print(total(rep), through_alias([1, 2, 3]), shrink([5, 6, 7, 8]))
cleared = [2 ** 70, 1]
cleared.clear()
cleared.append(4)
print(total(cleared), dyn_append(cleared, 2 ** 75), total(cleared))
mixed = [1, 2, 3]
mixed[1] = 2 ** 64
print(total(mixed), total([int("9" * 30), 1]), total(list(range(5))))
inner = [1, 2, 3]
holder = [inner, "ab"]
holder[0][1] = 2 ** 70
print(total(inner), holder[0][1] - inner[1])
