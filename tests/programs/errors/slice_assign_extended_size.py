# An extended slice takes exactly as many items as it selects.
xs = [1, 2, 3, 4, 5]
xs[::2] = [7, 8, 9]
print(xs)
xs[1::2] = [0]
print(xs)
