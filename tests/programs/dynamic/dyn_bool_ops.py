# not, truthiness and conditional expressions over mixed values.
vals = [0, -1, 0.0, 1e-9, "", " ", None, [], [None], (), (0,), True, False]
for v in vals:
    print(repr(v), not v, "yes" if v else "no", bool(v))
count = 0
for v in vals:
    if v:
        count += 1
print(count)
