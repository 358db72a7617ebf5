# An int compared with a str in the deepest frame: RecursionError 'in comparison'.
def down(n):
    if n == "s":
        return 0
    return down(n + 1)
print(down(0))
