# Tuples print with parentheses; a one-tuple has a comma.
print((), (1,), (1, 2), (1.0, "a", None, True), ((1, 2), (3,)))
t = (5,)
print(t, len(t), t[0])
