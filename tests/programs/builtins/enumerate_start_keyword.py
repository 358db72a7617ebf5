# enumerate()'s start as a keyword argument.
for number, line in enumerate(["alpha", "beta"], start=1):
    print(number, line)
print([(i, c) for i, c in enumerate("xyz", start=-1)])
print(sum(i * x for i, x in enumerate([5, 6, 7], start=10)))
