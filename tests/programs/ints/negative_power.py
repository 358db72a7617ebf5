# A negative exponent gives a float.
print(2 ** -1, 2 ** -2, 10 ** -3)
print((-2) ** -3, 4 ** -0.5)
x = 5
print(x ** -1)
