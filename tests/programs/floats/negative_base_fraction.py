# A negative float to a fractional power is complex in Python 3.
x = -8.0
y = x ** (1.0 / 3.0)
print(y)
