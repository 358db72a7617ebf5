# List slices with steps.
xs = list(range(10))
print(xs[2:7], xs[::3], xs[::-1], xs[7:2:-2], xs[-3:], xs[:100])
ys = xs[:]
ys[0] = 99
print(xs[0], ys[0])
