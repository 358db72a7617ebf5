# Two distinct lists nested 200000 deep: CPython stops at its recursion limit; krait
# used to recurse in C until the native stack overflowed (a segfault).
a = []
b = []
for i in range(200000):
    a = [a]
    b = [b]
print(len(a), a is b)
print([a].count(b))
