# Sorting a list that mixes str and int raises TypeError.
xs = [2, "b", 1]
print(len(xs))
ys = sorted(xs)
print(ys)
