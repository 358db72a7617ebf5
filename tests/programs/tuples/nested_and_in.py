def minmax(xs):
    lo = xs[0]
    hi = xs[0]
    for x in xs:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return lo, hi


lo, hi = minmax([4, -2, 9, 0])
print(lo, hi)
point = ((1, 2), "p", [3.0])
(x, y), label, coords = point
coords.append(4.0)
print(x, y, label, coords, point)
print(2 in (1, 2, 3), "q" in ("p", 1), 2.0 in (1, 2), (1, (2, 3)) == (1, (2, 3)))
print((1, 2) + (3.5,), (1, 2, 3)[1:], (1, 2, 3)[::-1], (5,) < (5, 0))
a, b = divmod(-7, 2)
print(a, b, divmod(7.5, 2))
