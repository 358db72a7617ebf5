# The deepest sum recursion python3 allows, run as a loop by krait, then one
# frame more: RecursionError at exactly the same depth.
def down(n):
    if n == 0:
        return 0
    return 1 + down(n - 1)


def via(n):
    return down(n)


print(down(998))
print(via(997))
print(via(998))
