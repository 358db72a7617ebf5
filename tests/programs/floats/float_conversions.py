# float() and int() between the two numeric types.
print(float(0), float(-5), float(2 ** 53), float(2 ** 53 + 1), float(2 ** 63))
print(float(10 ** 20), float(-(10 ** 30)), float(123456789123456789))
print(int(2.9), int(-2.9), int(1e15), int(-1e15), int(9.999999999999999e22))
print(int(0.0), int(-0.0), int(1.0e-300))
x = 3.0
print(int(x) * 2, float(int(x) + 1))
