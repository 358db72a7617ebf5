# assert with a message expression that is only evaluated on failure.
def msg(x):
    print("building message")
    return "bad value " + "x"

x = 1
assert x == 1, msg(x)
print("first assert passed")
assert x == 2, msg(x)
