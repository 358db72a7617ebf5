# round() on floats: half-even, and the binary value decides.
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(1234.5678, -2), round(1234.5678, 1), round(-1234.5678, 0))
print(round(1e300, 2), round(3.7), type(round(3.7)) == int)
