# del of an item of a value whose type is only known at run time (an item of a
# mixed list): lists lose the item; str, tuple and int refuse, with CPython's
# two wordings.
x = [1, "a", [3, 4, 5]]
del x[2][0]
del x[2][-1]
print(x)
y = x[2]
del y[0]
print(x, y)
x[2] = "text"
del x[2][0]
