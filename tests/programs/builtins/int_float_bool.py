# int(), float() and bool() conversions.
print(int(3.9), int(-3.9), int("7"), int(True))
print(float(3), float("2.5"), float(False), float(-0.0))
print(bool(0), bool(-1), bool(0.0), bool("x"), bool(""), bool(None))
print(int(), float(), bool())
