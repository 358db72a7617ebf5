# A function reads a name nothing defines: NameError when it runs.
def g():
    return undefined_thing + 1

print(1)
print(g())
