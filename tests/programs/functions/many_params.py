# Functions with many parameters, called positionally and by keyword.
def poly(a, b, c, d, e, f, g, h):
    return ((((((a * 2 + b) * 2 + c) * 2 + d) * 2 + e) * 2 + f) * 2 + g) * 2 + h

print(poly(1, 0, 1, 0, 1, 0, 1, 0))
print(poly(h=1, g=1, f=1, e=1, d=1, c=1, b=1, a=1))
print(poly(1, 1, 1, 1, h=0, g=0, f=0, e=0))
