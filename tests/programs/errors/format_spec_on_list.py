# A format spec applied to a list: TypeError.
x = [1, 2]
print(f"{x:>9}")
