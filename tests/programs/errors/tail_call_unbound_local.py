# Each iteration of a self tail call turned into a loop is a new frame: a local
# assigned in an earlier iteration is unbound again.
def f(n, flag):
    if flag:
        x = n
        print("set", x)
    if n == 0:
        return x
    return f(n - 1, n == 3)


print(f(3, True))
print(f(5, False))
