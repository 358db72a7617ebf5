# Tuple concatenation and repetition.
a = (1, 2)
b = (3,)
print(a + b, a * 2, b + a + b)
