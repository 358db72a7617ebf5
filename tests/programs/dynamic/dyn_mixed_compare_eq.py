# Equality and ordering between mixed values.
vals = [1, 1.0, True, "1", None, [1], (1,), 0, False, 0.0]
for a in vals:
    row = []
    for b in vals:
        row.append("=" if a == b else ".")
    print("".join(row))
print(1 < 2.5, True < 2, 0.5 > False, [1, 2] < [1, 2.5], (1, "a") < (1, "b"))
