# Defaults of every constant type, overridden by position and by keyword.
def f(a, b=2, c=0.5, d=True, e="e", g=None):
    print(a, b, c, d, e, g)

f(1)
f(1, 3)
f(1, c=1.5)
f(1, e="x", d=False)
f(a=0, b=0, c=0.0, d=False, e="", g=None)
f(1, 2, 3.0, False, "y")
