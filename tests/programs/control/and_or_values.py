# and / or return one of their operands, not a bool.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, 0 or 0)
print(None or 5, 3 and None, "" or "default", "x" and "y")
print(0.0 or -1.5, 2.5 and 0, False or 0, True and 7)
x = 0
y = x or 10
z = x and 10
print(y, z)
print(not 0, not 3, not "", not "a", not None, not 0.0)
