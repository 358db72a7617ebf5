# CPython folds constants before warning about `is` with a literal: tuples with
# negative or inverted numbers, and `not` of a constant, are literals too; a tuple
# holding a name is not.
x = 3
print(x is (1, -1), x is (2, (-3.5, +4)), x is ~1, x is (not 1,), x is (~True, 1.5))
print(x is (x, -1), x is -x, x is not (0, -0))
