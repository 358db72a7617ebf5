# Building a long string piece by piece.
s = ""
for i in range(200):
    s += str(i % 10)
print(len(s), s[:25], s[-5:])
row = ""
for i in range(10):
    if i > 0:
        row += ","
    row += str(i * i)
print(row)
