# Common str methods.
s = "  Hello, World  "
print(s.strip(), s.lower(), s.upper(), s.lstrip(), s.rstrip() + "|")
print("a,b,,c".split(","), "one two  three".split())
print("-".join(["x", "y", "z"]), "abc".replace("b", "BB"))
print("hello".startswith("he"), "hello".endswith("lo"), "hello".find("l"), "hello".count("l"))
print("hello world".title(), "Hello".swapcase(), "42".zfill(5), "ab".center(6, "*"))
