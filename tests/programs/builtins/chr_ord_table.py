# A small character table.
line = ""
for code in range(65, 91):
    line += chr(code)
print(line)
print(sum(ord(c) for c in "krait"))
