# Slice bounds must be ints, bools or None: a dyn bound holding an int works, and a
# float, str, list or tuple bound is CPython's TypeError, for reads and for del.
xs = [1, 2, 3, 4, 5]
a = 1 if len(xs) > 2 else "s"
print(xs[a:3], "abcd"[a:], xs[::a], xs[True:])
del xs[a:2]
print(xs)


def bad_read(ys, lo):
    return ys[lo:2]


def bad_del(ys, lo):
    del ys[lo:]
    return ys


for bound in [0, 1]:
    print(bad_read([7, 8, 9], bound), bad_del([7, 8, 9], bound))
b = "s" if len(xs) > 2 else 1
print(bad_read(xs, 1))
print(bad_del(xs, [1, "a"]))
