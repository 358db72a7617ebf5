# abs, min and max on small and big ints.
print(abs(-7), abs(7), abs(-4611686018427387904), abs(-9223372036854775808))
print(min(3, -2), max(3, -2), min(2 ** 70, -(2 ** 70)), max(5, 2 ** 64, 7))
print(min(4, 4, 4), max(-1, -2, -3), min(10, 2, 33, 4, 5))
