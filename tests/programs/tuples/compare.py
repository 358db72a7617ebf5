# Tuples compare lexicographically.
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), (1, 2) == (1, 2))
print((1, "b") < (1, "c"), (0.5, 1) < (1, 0), () < (0,))
