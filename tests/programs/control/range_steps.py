# range with positive, negative and large steps.
def show(start, stop, step):
    out = 0
    count = 0
    for i in range(start, stop, step):
        out = out * 31 + i
        count += 1
    print(start, stop, step, count, out)

show(0, 10, 1)
show(10, 0, -1)
show(10, 0, -3)
show(-5, 5, 2)
show(5, -5, -2)
show(0, 0, 1)
show(0, 10, -1)
show(0, 100, 33)
for i in range(3, -4, -2):
    print(i)
