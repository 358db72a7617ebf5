# An exception in a key function: the traceback has the caller's entry and the
# lambda's, and the list is left unchanged.
xs = [2, 1, 0]
print(sorted(xs, key=lambda v: v + 1))
print(sorted(xs, key=lambda v: 10 // v))
