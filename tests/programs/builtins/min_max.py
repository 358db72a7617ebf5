# min and max over arguments, mixed int/float.
print(min(3, 1, 2), max(3, 1, 2), min(1.5, 2), max(1, 1.0), max(1.0, 1))
print(min(-0.0, 0.0), max(0, -0.0), min(10 ** 20, 2 ** 70), max(True, 0))
print(max(2, 2.5, 1), min(5, 4, 6, 3, 7))
