# Signed zeros through arithmetic.
a = -0.0
b = 0.0
print(a + b, a - b, b - b, a * a, a * b, -a + -b)
print(a / 1.0, b / -1.0, -(b * 1))
print(-0.0 // 1.0, 0.0 // -1.0, -1.0 % 1.0)
print(min(0.0, -0.0), max(-0.0, 0.0))
