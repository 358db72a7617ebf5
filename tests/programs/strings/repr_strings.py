# repr() of strings chooses quotes and escapes like CPython.
print(repr("abc"), repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr("tab\t"), repr("nl\n"), repr("\x00\x7f"), repr("é中😀"))
print(repr("\\"), repr(""), repr("\u200b"))
