# assert without a message: the last line is just the class name.
x = 3
assert x == 3
assert x == 4
print("unreachable")
