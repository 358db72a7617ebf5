# `xs += ys`, `xs *= n` and `xs.extend(...)` change the list itself: every name
# for it sees the change.
a = [1]
b = a
a += [2]
print(a, b, a is b)
c = [1, 2]
d = c
c *= 2
print(c, d)


def grow(xs):
    xs += [3]
    xs.extend((4, 5))
    return xs


e = [0]
print(grow(e), e)
words = ["a"]
words.extend("bcd")
words += ("e",)
print(words)
mixed = [1, "a"]
mixed.extend([2.5, 3.5])
mixed += [None]
print(mixed)
