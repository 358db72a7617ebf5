# Float modulo takes the sign of the divisor, and keeps signed zeros.
print(5.5 % 2, -5.5 % 2, 5.5 % -2, -5.5 % -2)
print(4.0 % 2.0, -4.0 % 2.0, 4.0 % -2.0, -4.0 % -2.0)
print(1e-300 % 1.0, -1e-300 % 1.0)
print(3 % 0.7, -3 % 0.7)
