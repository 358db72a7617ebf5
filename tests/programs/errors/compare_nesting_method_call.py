# list.index is a builtin method call, which CPython counts as one level of the
# recursion limit: lists nested 998 deep compare with == but not inside index().
def nest(k):
    a = [0]
    for i in range(k):
        a = [a]
    return a


xs = [nest(5), nest(998)]
print(nest(998) == xs[1], nest(998) in xs)
print(xs.index(nest(998)))
