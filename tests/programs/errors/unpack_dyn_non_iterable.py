# Unpacking a value whose type is only known at run time.
values = [1, 2, 3]
a, values = values[1:]
print(a, values)
a, values = values
