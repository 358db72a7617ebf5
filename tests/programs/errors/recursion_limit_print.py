# Infinite recursion that prints in every frame: CPython's print takes two levels
# of the recursion limit (its own call and the file's write), so it fails in the
# 999th frame, with "while calling a Python object", before the next call would.
def down(n):
    print(n)
    down(n + 1)


down(0)
