# `or` / `and` between values of different types.
cases = [0, 1, "", "a", None, 0.0, 2.5, [], [0], (), False, True]
for a in cases:
    for b in [7, "z", None]:
        print(repr(a), repr(b), repr(a or b), repr(a and b))
