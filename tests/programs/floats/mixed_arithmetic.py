# int op float promotes to float.
a = 3
b = 0.5
print(a + b, a - b, a * b, a / b, a // b, a % b, b - a)
print(10 ** 20 + 0.5, 2 ** 63 * 1.0, 1 + 1e-16)
n = 0
f = 0.0
for i in range(1, 11):
    n += i
    f += i / 10
print(n, f, n + f)
