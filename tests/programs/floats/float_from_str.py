# float() parses decimal strings and special names.
print(float("1.5"), float("-2.25"), float("  3  "), float("1e10"), float("1E-3"))
print(float("0.1"), float(".5"), float("5."), float("1_000.5"))
print(float("inf"), float("-Infinity"), float("nan"), float("+1.0"))
print(float(7), float(-3), float(10 ** 20), float(True))
print(float("123456789012345678901234567890"))
