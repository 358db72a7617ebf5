# A tuple indexed by a variable: negative indices count from the end, and one past
# either end raises "tuple index out of range".
def pick(t, i):
    return t[i]


point = (3, 4, 5)
for i in [0, 2, -1, -3]:
    print(pick(point, i))
print(pick(point, -4))
