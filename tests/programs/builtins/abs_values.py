# abs of ints, floats and bools.
print(abs(-5), abs(5), abs(0), abs(-2 ** 63), abs(-10 ** 30))
print(abs(-2.5), abs(-0.0), abs(float("-inf")), abs(True), abs(False))
