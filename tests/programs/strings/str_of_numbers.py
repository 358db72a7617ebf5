# str() of ints, floats, bools and None.
print(str(42) + "!", str(-7), str(10 ** 25), str(0.1), str(1e16))
print(str(True), str(False), str(None), str(-0.0), str(float("inf")))
n = 12345
print(len(str(n)), str(n)[::-1])
