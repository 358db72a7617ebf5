# Indexing a string past its end.
s = "abc"
print(s[-1])
print(s[10])
