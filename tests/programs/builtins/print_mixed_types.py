# print of every scalar type with and without sep/end.
print(1, -2.5, True, None, "s", 10 ** 20)
print(0.1, 1e16, -0.0, float("inf"), sep="|")
print(end="")
print("a", end="")
print("b", 2, end="\n\n")
print(False, sep="", end="!")
print()
