# del of an item of None: 'does not support item deletion' (CPython 3.11's words).
def f(n):
    if n:
        return [n]
    return None
al = f(0)
del al[0]
