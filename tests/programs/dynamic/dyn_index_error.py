# Indexing a dyn value out of range raises IndexError with the right message.
def pick(f):
    if f:
        return "xyz"
    return [1, 2]
s = pick(True)
print(s[2])
t = pick(False)
print(t[1])
print(t[5])
