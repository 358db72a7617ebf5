# int(), float(), bool() and abs() on scalars.
print(int(-7.9), int(True), int(" 12 "), int("-0"), int(2 ** 70))
print(float(-7), float(" -1.25 "), float("1e-3"), float(True))
print(bool(7), bool(0), bool(-0.0), bool(""), bool("0"), bool(None))
print(abs(-2 ** 70), abs(-0.25), abs(False))
