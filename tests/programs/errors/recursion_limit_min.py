# min() of two values in the 999th frame: the call takes the last level but one,
# the comparison the last ("in comparison").
def lowest(n, best):
    best = min(best, n)
    return lowest(n + 1, best)


print("start")
lowest(0, 5)
