# Recursion on floats: a power series and a recursive bisection.
def power(x, n):
    if n == 0:
        return 1.0
    half = power(x, n // 2)
    if n % 2 == 0:
        return half * half
    return half * half * x

def bisect(lo, hi, depth):
    mid = (lo + hi) / 2.0
    if depth == 0:
        return mid
    if mid * mid > 2.0:
        return bisect(lo, mid, depth - 1)
    return bisect(mid, hi, depth - 1)

print(power(1.5, 10), power(2.0, 60), power(0.9, 101))
print(bisect(1.0, 2.0, 50))
