# Subscripting a value that turned out to be None.
def lookup(found):
    return [1, 2] if found else None


print(lookup(True)[1])
print(lookup(False)[0])
