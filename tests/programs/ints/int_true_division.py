# int / int gives a correctly rounded float, even for big ints.
print(7 / 2, -7 / 2, 1 / 3, 2 / 3, 10 / 5)
print(10 ** 30 / 10 ** 10, (2 ** 64 + 1) / 2)
print(1 / 10 ** 20, 123456789123456789 / 1000)
print((10 ** 400) / (10 ** 399))
