# A for loop over a value that turns out not to be iterable: TypeError, no caret line.
def f(k):
    if k:
        return 5
    return [1, 2]
for v in f(1):
    print(v)
