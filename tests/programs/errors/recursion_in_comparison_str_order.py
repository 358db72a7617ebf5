# Ordering two strs is not specialised by python3: the deepest frame fails there.
def down(n, s):
    if s < "a":
        return 0
    return down(n - 1, s)
print(down(5000, "b"))
