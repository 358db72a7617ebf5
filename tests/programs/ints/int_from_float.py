# int() truncates floats toward zero, and handles big floats exactly.
print(int(3.7), int(-3.7), int(0.5), int(-0.5), int(-0.0))
print(int(1e18), int(1e19), int(1e30), int(-1e25))
print(int(2.0 ** 63), int(2.0 ** 64), int(123456789.999))
print(int(True), int(False), int(7))
