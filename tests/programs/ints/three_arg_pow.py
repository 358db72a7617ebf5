# pow(base, exp, mod) is modular exponentiation, exact.
print(pow(2, 10, 1000), pow(3, 200, 1000000007))
print(pow(-2, 3, 5), pow(2, 3, -5), pow(-2, 3, -5))
print(pow(7, 0, 13), pow(12345678901234567890, 98765, 10 ** 9 + 7))
print(pow(3, -1, 7), pow(5, -2, 13))
