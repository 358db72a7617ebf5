# Conditional expressions, nested and in calls.
def sign(x):
    return 1 if x > 0 else (-1 if x < 0 else 0)

for v in (-3, 0, 8):
    print(v, sign(v), "even" if v % 2 == 0 else "odd")
a = 10
b = 20
print(a if a > b else b, min(a, b) if a != b else 0)
print(1.5 if a else 2.5)
