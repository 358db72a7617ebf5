# bool() of lists, tuples and strings is their non-emptiness (not the truth of
# their text, which is never empty).
print(bool([]))
xs = []
print(bool(xs), not xs, len(xs))
ys: list[int] = []
print(bool(ys), bool([1]), bool([0]), bool([[]]))
print(bool(()), bool((1,)), bool((0, 0)), bool(""), bool("a"), bool(" "))
ys.append(0)
print(bool(ys))
ys.pop()
print(bool(ys), [bool(v) for v in [[], [1], [2, 3]]])
