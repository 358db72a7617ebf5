# A running value that starts as int and becomes float when halved.
x = 100
steps = []
while x > 1:
    if x % 2 == 0:
        x = x // 2
    else:
        x = x / 2
    steps.append(x)
print(steps)
print(len(steps), sum(steps), x, x * 4, x == 0.78125)
