# Repeating a sequence by None (through `str | None` and `list | None` values) is
# CPython's "can't multiply sequence" TypeError, whichever side the None is on.
def text(flag):
    if flag:
        return "ab"


def items(flag):
    if flag:
        return [1, 2]


print(text(True) * 2, items(True) * 2)
t = text(True)
n = text(False)
print(t + "!")
print(items(True) * items(False))
