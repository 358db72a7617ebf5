# One function called with ints, floats and bools.
def twice(x):
    return x + x

def mix(a, b):
    return a * b - a

print(twice(21), twice(1.25), twice(True))
print(mix(3, 4), mix(3.0, 4), mix(3, 0.5), mix(True, 7))
