# A comprehension is a frame of its own in CPython 3.11: recursion started inside one
# reaches the limit one call earlier than outside it.
def f(n):
    if n == 0:
        return 0
    return f(n - 1) + 1
print([f(990) for i in range(1)])
print([f(998) for i in range(1)])
