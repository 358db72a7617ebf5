# Functions as values: passed to functions (each function passed gives its own
# specialisation), kept in variables and globals, returned, and called through
# them with positional and keyword arguments and defaults.


def square(x):
    return x * x


def shout(s):
    return s.upper() + "!"


def twice(f, x):
    return f(f(x))


def apply_all(f, xs):
    return [f(x) for x in xs]


def compose_apply(f, g, x):
    return g(f(x))


def scale(x, factor=2, *, offset=0):
    return x * factor + offset


print(twice(square, 3), twice(square, 1.5), twice(shout, "hi"))
print(apply_all(square, [1, 2, 3]), apply_all(shout, ["a", "b"]))
print(apply_all(str, [1, 2.5, None]), apply_all(len, ["a", "bb", ""]))
print(apply_all(abs, [-1, 2, -3.5]), apply_all(float, ["1.5", "2"]))
print(compose_apply(square, str, 12), compose_apply(len, square, "abcd"))

h = scale
print(h(3), h(3, 5), h(3, offset=1), h(x=1, factor=3))

OPERATION = square


def run(n):
    total = 0
    for i in range(n):
        total += OPERATION(i)
    return total


print(run(10))


def chooser(big):
    if big:
        return square
    return square


print(chooser(True)(9))


def fold(f, xs, start):
    acc = start
    for x in xs:
        acc = f(acc, x)
    return acc


def add(a, b):
    return a + b


def longer(a, b):
    return a if len(a) >= len(b) else b


print(fold(add, [1, 2, 3, 4], 0), fold(add, ["x", "y"], ""), fold(longer, ["ab", "c", "def"], ""))
print(fold(max, [3, 9, 2], 0), fold(min, [3.5, 1.5], 10.0), fold(pow, [2, 3], 2))
