# Assignment to list slices: simple slices resize the list (insertion, deletion,
# appending at the end, a list assigned into itself), extended ones replace item
# for item; sources of other item types, tuples and strings.
xs = [0, 1, 2, 3, 4, 5]
xs[1:3] = [10, 20, 30]
print(xs)
xs[:2] = []
print(xs)
xs[len(xs):] = [7, 8]
print(xs)
xs[::2] = [-1, -2, -3, -4]
print(xs)
xs[::-3] = (100, 200, 300)
print(xs)
xs[5:2] = [55]
print(xs)
xs[-2:] = xs
print(xs)
xs[:] = "ab" if False else [9]
print(xs)
fs = [1.5, 2.5]
fs[1:] = [3.5, 4.5, 5.5]
print(fs)
fs[0:1] = [7]
print(fs)
ws = ["a", "b"]
ws[1:1] = "xyz"
print(ws)
bs = [True, False]
bs[2:] = [False, True]
print(bs)
ns = [1, 2, 3]
ns[0:2] = [2**70, -(2**65)]
print(ns, sum(ns))
def shift(a: list[int], k: int) -> None:
    a[k:] = a[:len(a) - k]
    a[:k] = [0] * k
zs = list(range(8))
shift(zs, 3)
print(zs)
big = list(range(10))
big[2:8] = []
print(big, len(big))
big[1:1] = list(range(100))
print(len(big), big[:5], big[-3:])
merged = [3, 1, 4, 1, 5]
while len(merged) > 1:
    merged[0:2] = [merged[0] * 10 + merged[1]]
print(merged)
spread = [1, 2, 3, 4]
i = 0
while i < len(spread):
    spread[i:i + 1] = [spread[i], 0]
    i += 2
print(spread)
