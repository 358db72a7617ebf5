# A local variable whose type changes across branches and loop iterations.
def walk(n):
    acc = None
    for i in range(n):
        if acc is None:
            acc = i
        elif i % 3 == 0:
            acc = str(acc) + "|"
        elif i > 3:
            acc = acc + str(i)
        else:
            acc = acc + i / 2
    return acc

for n in range(7):
    print(n, repr(walk(n)))
