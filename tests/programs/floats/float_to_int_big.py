# int() of large floats is exact.
print(int(1e20), int(-1e20), int(1.5e300) % 1000)
print(int(2.0 ** 100), int(float(2 ** 64 - 1)))
print(int(0.9999999999999999), int(-0.9999999999999999))
