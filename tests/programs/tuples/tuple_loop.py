# Iterating over a tuple of values.
total = 0
for v in (3, 5, 7, 11):
    total = total * 2 + v
print(total)
for name in ("alpha", "beta"):
    print(name, len(name))
