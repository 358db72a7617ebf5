# A division by zero in the middle of an expression after partial output.
a = 10
b = 3
print(a // b, a % b, end=" ")
print(a * 2 + a // (b - 3))
