# Repetition and slicing of non-ASCII strings.
s = "é中" * 5
print(s, len(s), s[3:7], s[::3])
print(("😀" * 3)[1], ("a" + "中") * 2)
