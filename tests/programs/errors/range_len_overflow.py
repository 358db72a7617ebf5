# len() of a range longer than a C ssize_t: OverflowError, as CPython.
print(len(range(10 ** 20)))
