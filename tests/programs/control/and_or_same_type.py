# and/or where both operands have the same type.
a = 0
b = 7
print(a or b, a and b, b or a, b and a, a or a, b and b)
x = 0.0
y = 2.5
print(x or y, x and y, y or x, y and x)
s = ""
t = "t"
print(s or t, s and t, t or s, t and s)
print(True and False, False or True, True or False)
