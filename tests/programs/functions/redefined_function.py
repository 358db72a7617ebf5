# A def statement rebinds the name: calls see the latest definition.
def f():
    return 1

print(f())

def f():
    return 2

print(f())
