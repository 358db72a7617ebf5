# f-strings with plain replacement fields.
name = "krait"
n = 42
x = 0.1 + 0.2
print(f"{name} has {n} items and {x}")
print(f"{n + 1} {n * 2} {name + '!'} {None} {True}")
print(f"{{literal braces}} {n}")
