# isinstance() with builtin classes (and tuples of them) on static, optional and dyn values.
def kind(v):
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int):
        return "int"
    if isinstance(v, (float, str)):
        return "float or str"
    if isinstance(v, list):
        return "list"
    if isinstance(v, tuple):
        return "tuple"
    return "other"


for v in [1, True, 2.5, "s", [1], (1, 2), None, 10 ** 30]:
    print(repr(v), kind(v), isinstance(v, int), isinstance(v, (list, tuple)))
print(kind(3), kind(False), kind("x"), kind([2.5]), kind(None), kind((1,)))
m = None
for i in range(3):
    print(isinstance(m, int), isinstance(m, str))
    m = i
