# Uncaught ZeroDivisionError from // after some output.
def divide(a, b):
    return a // b

print(divide(10, 3))
print(divide(10, 0))
print("unreachable")
