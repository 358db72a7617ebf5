# A list that contains itself prints as [...] where it recurs (it crashed with a
# native stack overflow), and equals itself.
a = [1, "x"]
a.append(a)
print(a)
print(a == a, len(str(a)), [a] == [a])
b = [[1]]
b[0] = b
print(b, (1, b))
