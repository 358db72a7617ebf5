# Integer powers with large exponents and modular reduction by hand.
x = 3 ** 1000
print(x % 1000000007, x // 10 ** 470)
y = 7 ** 333
print(y // 7 ** 330, y % 10 ** 12)
print((-1) ** 1001, (-1) ** 1000, 0 ** 1000, 2 ** 0)
