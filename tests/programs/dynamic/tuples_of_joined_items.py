# Tuples whose item types differ between values that meet in one variable or list
# (tuple[int, str] and tuple[float, str] join to tuple[dyn, str]): each tuple is
# rebuilt with boxed items where they meet.
pairs = [(2, "x"), (2.5, "y"), (2, "a")]
print(sorted(pairs), max(pairs), min(pairs))
best = (0, "none")
for p in pairs:
    if p > best:
        best = p
print(best, best[0] + 1)


def pick(flag):
    if flag:
        return (1, [1])
    return (1.5, [2])


print(pick(True), pick(False), [pick(k)[0] * 2 for k in (True, False)])
