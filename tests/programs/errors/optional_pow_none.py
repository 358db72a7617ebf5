# '**' with None: CPython's message names pow() too.
def f(n):
    if n:
        return n
    return None
x = f(0)
print(x ** 2)
