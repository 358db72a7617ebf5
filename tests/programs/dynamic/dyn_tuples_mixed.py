# Tuples with mixed element types: unpacking, comparison, concatenation.
p = (1, "b", 2.5)
a, b, c = p
print(a, b, c, p + (None,), p * 2)
q = (1, "b", 3)
print(p < q, p == q, p[1:], len(p + q))
pairs = [(2, "x"), (1, "y"), (2, "a")]
print(sorted(pairs), max(pairs), min(pairs))
