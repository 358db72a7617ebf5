# A variable that holds values of different types over its life.
def describe(v):
    return f"{v!r} has length {len(v)}" if v else f"{v} is falsy"


x = 0
print(describe(x))
x = "text"
print(describe(x))
x = [1, 2]
print(describe(x))
x = (3.5, None)
print(describe(x), x[0], x[-1])
x = 2.0
print(x * 3, x / 4, x // 3, x % 1.5, -x, +x)
x = True
print(x + 1, x & False, x | False, ~x, -x)
x = None
print(x is None, x is not None, x == None, x != 0)
