# Adding values from a mixed list until a TypeError is raised.
vals = [1, 2.5, True, "x"]
acc = 0
for v in vals:
    acc = acc + v
    print(acc)
