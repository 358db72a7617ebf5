values = [1, 2, 3]
a, b = values[:2]
print(a, b)
a, b = values
