# A function returning int, str, float, None, list or tuple depending on its argument.
def kind(n):
    if n < 0:
        return None
    if n == 0:
        return "zero"
    if n % 3 == 0:
        return n / 3
    if n % 2 == 0:
        return [n, n // 2]
    if n > 6:
        return (n,)
    return n

for i in range(-1, 10):
    r = kind(i)
    print(i, r, r == i, r is None, bool(r))
