# Printing string constants, including non-ASCII ones.
print("hello, world")
print("")
print("tab\there", "quote'\"", "back\\slash")
print("héllo", "中文", "😀 emoji")
print("multi\nline")
