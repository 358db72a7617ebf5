# Small-int arithmetic: the tagged fast path.
a = 17
b = 5
print(a + b, a - b, a * b)
print(a // b, a % b, a / b)
print(-a, +a, a - 100)
print(0 * a, a * 0, 1 * a)
x = 1000000
print(x * x, x * x * x)
