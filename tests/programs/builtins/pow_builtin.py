# pow with two and three arguments.
print(pow(2, 10), pow(2.0, 10), pow(2, -1), pow(-8, 1 / 3 * 3))
print(pow(3, 4, 5), pow(10 ** 20, 10 ** 5, 97))
