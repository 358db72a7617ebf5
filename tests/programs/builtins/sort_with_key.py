# sorted() and list.sort() with key= (builtins, defs, lambdas) and reverse=:
# stable, keys computed once per item, the same order as CPython (nans included).
words = ["banana", "Apple", "cherry", "date", "fig", "Elder", "kiwi"]
print(sorted(words, key=len))
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=None), sorted(words, reverse=True, key=len))
pairs = [(1, "b"), (3, "a"), (2, "c"), (1, "a")]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: -p[0]))


def second(p):
    return p[1]


pairs.sort(key=second)
print(pairs)
pairs.sort(key=second, reverse=True)
print(pairs)
nums = [3.5, -1.0, 2.25, float("nan"), 0.0, -3.5]
print(sorted(nums, key=abs))
print(sorted(range(10), key=lambda i: (i % 3, -i)))
print(sorted("hello", key=ord), sorted((3, 1, 2), key=lambda v: -v))
flags = [True, False, True]
print(sorted(flags, key=lambda b: not b))
xs = [5, 2, 8, 11, 4]
xs.sort(key=lambda v: v % 4)
print(xs)
calls = []


def traced(v):
    calls.append(v)
    return -v


print(sorted([3, 1, 2], key=traced), calls)
grid = [[3, 1], [1, 2, 3], [], [0]]
print(sorted(grid, key=len), sorted(grid, key=sum), max(grid, key=len))
big = sorted(range(1000), key=lambda i: (i * 7919) % 1000)
print(big[:5], big[-5:])
