# float | None used in arithmetic when it is None raises TypeError.
def find(xs, t):
    for x in xs:
        if x > t:
            return x * 1.0
    return None

print(find([1, 5, 9], 4) + 1)
print(find([1, 2], 4) + 1)
