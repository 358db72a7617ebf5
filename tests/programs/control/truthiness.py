# Python truthiness of ints, floats, strings, None and bools.
values = [0, 1, -1, 0.0, 0.5, "", "0", None, True, False]
for v in values:
    print(repr(v), bool(v), "yes" if v else "no")
