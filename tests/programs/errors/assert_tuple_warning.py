# `assert (test, message)` is always true: CPython warns at compile time (before
# any other warning of the statement); an empty tuple is false and fails.
x = 3
assert (x > 1, "x is small")
assert (1, 2)
if x:
    assert (x is 3, x)
print("done")
assert ()
