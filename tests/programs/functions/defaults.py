# Constant default values.
def greet_count(n, times=2, scale=1.5, flag=True, label=None):
    total = n * times * scale
    if flag:
        total += 1
    if label is None:
        return total
    return -total

print(greet_count(2))
print(greet_count(2, 3))
print(greet_count(2, scale=2.0))
print(greet_count(2, flag=False))
print(greet_count(2, 1, 1.0, False))
