# str.partition() with an empty separator.
line = "key=value"
print(line.partition("="))
sep = ""
print(line.rpartition(sep))
