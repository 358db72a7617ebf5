# Unary minus, plus and abs on floats.
x = 2.5
print(-x, +x, abs(-x), abs(x), -(-x))
y = -1e-310
print(y, -y, abs(y))
print(abs(float("-inf")), -float("nan"))
