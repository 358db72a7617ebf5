# The `in` operator on dyn containers (list, str, tuple) with dyn needles.
def box(i):
    if i == 0:
        return [1, "two", 3.0, None]
    if i == 1:
        return "one two"
    return (True, 0, "x")

for i in [0, 2]:
    c = box(i)
    for needle in ["two", 1, 3, None, "x", 0, 1.0, False]:
        print(i, repr(needle), needle in c, needle not in c)
s = box(1)
for needle in ["two", "", "o t", "x"]:
    print(repr(needle), needle in s)
