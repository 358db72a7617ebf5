# Mutually recursive functions.
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)

def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)

for k in (0, 1, 10, 77, 200):
    print(k, is_even(k), is_odd(k))
