# A NameError suggests a module-level function whose def has run, even one nothing
# has called yet (only its name is known then).
def square(x):
    return x * x


def cube(x):
    return x * x * x


print(cube(2))
print(squre(3))
