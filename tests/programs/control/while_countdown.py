# while loops with compound conditions.
a = 100
b = 0
while a > 0 and b < 30:
    a -= 7
    b += 2
print(a, b)
n = 1
while n < 10 ** 18:
    n *= 3
print(n)
