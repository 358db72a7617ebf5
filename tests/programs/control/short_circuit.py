# The right operand of and/or runs only when needed.
def side(tag, value):
    print("eval", tag)
    return value

print(side("a", 0) and side("b", 1))
print(side("c", 1) and side("d", 2))
print(side("e", 1) or side("f", 2))
print(side("g", 0) or side("h", 0) or side("i", 3))
n = 0
if n != 0 and 10 // n > 1:
    print("unreachable")
else:
    print("guarded")
