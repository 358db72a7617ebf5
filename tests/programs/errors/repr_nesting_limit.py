# Printing lists nested deeper than CPython's recursion limit allows raises its
# RecursionError (krait's native stack overflowed before).
x = []
for i in range(998):
    x = [x]
print(len(str(x)))
for i in range(5000):
    x = [x]
print("start")
print(x)
