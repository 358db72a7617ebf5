# An exception raised while evaluating a loop condition.
n = 5
d = 3
while 100 // d > n:
    print(d)
    d -= 1
