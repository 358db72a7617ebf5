# NameError suggestions only offer names bound when the error happens.
# Float lists: sums and averages.
print(xs)
xs = [0.1 * i for i in range(11)]
s = 0.0
for x in xs:
    s += x
print(s, s / len(xs))
print(sum(xs), max(xs), min(xs))
