# bool() and `not` on floats, and floats in conditions.
print(bool(0.0), bool(-0.0), bool(1e-320), bool(float("nan")), bool(-1.0))
x = 0.0
count = 0
while not x >= 1.0:
    x += 0.125
    count += 1
print(x, count)
y = 0.1
if y:
    print("0.1 is true")
