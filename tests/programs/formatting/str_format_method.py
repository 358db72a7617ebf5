# str.format with positions and specs.
print("{} + {} = {}".format(1, 2, 3))
print("{0:>5} {1:.3f} {0}".format("x", 2.0))
