# startswith()/endswith() of a tuple of strs: true if any of them matches.
names = ["test_one.py", "main.py", "README.md", "setup.cfg", "notes.txt"]
for n in names:
    print(n, n.endswith((".py", ".cfg")), n.startswith(("test_", "READ")), n.endswith(("md",), 0, 9))
print("abc".startswith(()), "abc".startswith(("x", "", "y")), "abc".startswith(("c",), 2), "abc".endswith(("b", "a"), 0, 2))
exts = (".txt", ".md")
print([n for n in names if n.endswith(exts)])
