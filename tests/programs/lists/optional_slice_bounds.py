def pick(c):
    if c:
        return 1


# Slice bounds that may be None: None is the absent bound.
s = "abcdef"
xs = [1, 2, 3, 4]
print(s[pick(False):2], s[pick(True):pick(False)], xs[pick(False):pick(True)], xs[::pick(False)])
xs[pick(False):pick(True)] = [9, 9]
print(xs)
del xs[pick(True):pick(False)]
print(xs)
