# A ZeroDivisionError raised five frames deep by a self-recursive function: every
# frame appears in the traceback, whichever level of the recursion raised it.
def fails_at(n):
    if n == 0:
        return 1 // n
    return fails_at(n - 1) + 1


print(fails_at(4))
