# raise NotImplementedError from a stub.
def todo(x):
    raise NotImplementedError("todo: " + str(x))

todo(7)
