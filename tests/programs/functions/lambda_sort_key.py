# Lambdas as sort keys.
pairs = [(3, "c"), (1, "a"), (2, "b")]
print(sorted(pairs, key=lambda p: p[0]))
square = lambda x: x * x
print(square(12))
