# Both operands of '+' may be None and are: CPython names both types NoneType.
def f(n):
    if n:
        return n
    return None
x = f(0)
z = f(0)
print(x + z)
