# str + int through a dyn value raises TypeError with CPython's message.
def get(flag):
    if flag:
        return "count: "
    return 3
a = get(True)
b = get(False)
print(a * b)
print(a + b)
