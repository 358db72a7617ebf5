# A function without return gives None.
def quiet(x):
    x = x + 1

def maybe(x):
    if x > 0:
        return x
    return None

print(quiet(1), maybe(5), maybe(-5))
r = quiet(3)
print(r is None)
