# Comparisons of lists nested past CPython's recursion limit raise its RecursionError
# ("in comparison") instead of overflowing the native stack. At module level 999
# nested comparisons fit; a builtin method (count, index, sort, min, max) takes one
# level itself. The innermost items here are identical small ints, which CPython does
# not count as a level either.
def nest(k, leaf):
    a = [leaf]
    for i in range(k):
        a = [a]
    return a


for k in [10, 997, 998]:
    a = nest(k, 1)
    b = nest(k, 1)
    print(k, a == b, a != b, a <= b, a >= b, a in [b], a in (5, b))
print(nest(500, 1) == nest(500, 2), nest(500, 1) < nest(500, 2), nest(5, 1) in [nest(5, 2)])
print([nest(997, 1)].count(nest(997, 1)), [nest(997, 1)].index(nest(997, 1)))
print(sorted([nest(996, 2), nest(996, 1)])[0] == nest(996, 1))
a = nest(999, 1)
b = nest(999, 1)
print(a is b, a == a)
print(a == b)
