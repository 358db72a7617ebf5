# Mutual recursion on a dyn value that is a float: 'n == 0' compares a float with an
# int, which CPython does not specialise, so the deepest frame raises RecursionError
# 'in comparison' at the test.
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)

def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)

for k in (2.5, 1):
    print(k, is_even(k), is_odd(k))
