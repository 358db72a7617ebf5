# / by zero between floats.
a = 1.5
b = 0.0
print(a * 2)
print(a / b)
