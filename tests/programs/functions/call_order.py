# Arguments are evaluated left to right, keywords too.
def tag(name, value):
    print("arg", name)
    return value

def three(a, b, c):
    return a * 100 + b * 10 + c

print(three(tag("a", 1), tag("b", 2), tag("c", 3)))
print(three(c=tag("c", 3), a=tag("a", 1), b=tag("b", 2)))
