# Chained comparisons evaluate each operand once, left to right.
calls = 0

def f(x):
    global calls
    calls += 1
    return x

print(1 < f(2) < 3, calls)
print(f(3) < f(2) < f(1), calls)
print(1 < 2 > 0 != 5 == 5 >= 5 <= 6)
a = 5
print(0 <= a < 10, 0 <= a < 5, 10 > a >= 5 > -1)
print(1 == 1.0 == True, 2 < 3.5 < 4)
