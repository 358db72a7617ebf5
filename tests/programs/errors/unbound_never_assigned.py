# A local that no path ever assigns, read first by a return, a condition or a
# raise: UnboundLocalError at the read, as in python3 (its type is empty, so
# nothing else about it is known).
def divisor_sum(n):
    d = 2
    while d * d <= n:
        if n % d == 0:
            s += d
        d += 1
    return s


def check(flag):
    if flag:
        return 1
    if ready:
        return 2
    return 3


print(check(True))
print(check(False))
