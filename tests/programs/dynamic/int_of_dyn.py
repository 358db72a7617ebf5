# int() of values whose type depends on the call (dyn): small and big ints, floats
# beyond the small-int range, bools and strings.
def pick(k):
    if k == 0:
        return 2**63
    if k == 1:
        return 1e20
    if k == 2:
        return True
    if k == 3:
        return "-42"
    if k == 4:
        return -7.9
    return -(2**100) + 1


for k in range(6):
    v = int(pick(k))
    print(v, v + 1, v // 3)
