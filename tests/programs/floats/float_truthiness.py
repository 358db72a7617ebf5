# Zero and negative zero are false; nan is true.
for x in (0.0, -0.0, 1.0, -1e-300, float("nan"), float("inf")):
    if x:
        print(x, "true")
    else:
        print(x, "false")
print(bool(0.0), bool(0.1), not 0.0)
