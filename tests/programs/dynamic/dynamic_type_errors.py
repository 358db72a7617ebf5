# Operations Python rejects at run time raise the same TypeError with krait.
def combine(a, b):
    return a + b


print(combine(1, 2), combine("a", "b"), combine([1], [2]))
values = [1, "a", 2.5]
print(values[0] * 2, values[1] * 2)
print(combine(values[0], values[1]))
