# An augmented assignment to a variable that is still None.
def total_of(values):
    total = None
    for v in values:
        if total is None:
            total = 0
        total += v
    return total


print(total_of([1, 2, 3]), total_of([]))
count = total_of([5])
count += 1
print(count)
count = total_of([])
count += 1
