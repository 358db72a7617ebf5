# Reading a local that was only assigned on a branch not taken.
def pick(flag):
    if flag:
        value = 1
    return value

print(pick(True))
print(pick(False))
