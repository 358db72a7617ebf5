# int % float zero.
x = 5
y = 0.0
print(x + y)
print(x % y)
