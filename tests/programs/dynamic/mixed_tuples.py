# Tuples whose items have different types: iterated, indexed with a variable,
# sorted, listed, summed, unpacked through dyn values.
for n in (0, 1, "s", 2.5, None):
    print(n, repr(n))
t = (3, "x", 1.5, None)
for i in range(4):
    print(i, t[i], t[-1 - i])
print(list(t), list((2.5, 2, 3)), sorted((3, 1.5, 2)), max((1, 2.5)), sum((1, 2.5, True)))
x = 5 if len(t) > 10 else "xy"
p, q = x
print(p, q)
pair = (1, None)
for i in range(2):
    v = pair[i]
    print(v is None, v)
print(sorted(("s", 8, 7)))
