# round() on ints and floats.
print(round(2.5), round(3.5), round(-2.5), round(0.49999999999999994))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(7), round(7, 2), round(2.5, 0), round(-0.4))
print(round(3.14159, 3), round(2.0 / 3.0, 5), round(1e16 + 2.5))
