# Calling a method on a value that turned out to be None.
def name_of(known):
    if known:
        return "ada"
    return None


print(name_of(True).upper())
print(name_of(False).upper())
