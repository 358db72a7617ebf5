# Tuple indexing and slicing.
t = (10, 20, 30, 40)
print(t[0], t[-1], t[1:3], t[::-1], t[::2], len(t))
