# type() and isinstance on basic values.
print(type(1), type(1.0), type("s"), type(None), type(True), type([]))
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int))
