# Where a failed assert points: CPython 3.11 underlines the last comparison its
# compiler branched on (through not, and/or and conditional expressions), here
# y == 0 although the test fails at f(y); with no comparison, no caret line.
def f(v):
    return v > 5


y = 0
assert not y != 0
assert y < 1 or f(y)
assert (y > 1) if y else (y < 1)
assert y == 0 and f(y)
