# print with sep and end.
print(1, 2, 3, sep=", ")
print("a", "b", sep="")
print("no newline", end="")
print(" continued", end="!\n")
print(1, 2, sep="-", end=".\n")
print()
print(sep="x")
print(1.5, True, None, sep=" | ")
