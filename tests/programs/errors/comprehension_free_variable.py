# A function's local read inside a comprehension before the function assigns it:
# the comprehension is a frame of its own, so it is a free variable (NameError).
def f(xs):
    ys = [y + z for y in xs]
    z = 1
    return ys
print(f([]))
f([1])
