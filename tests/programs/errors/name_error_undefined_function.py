# Calling a name nothing defines: NameError with a suggestion, before the arguments run.
def g(x):
    return x + 1

print(g(2))
print(gg(3))
