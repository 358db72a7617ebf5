# Negative indices and item assignment.
xs = [10, 20, 30, 40, 50]
print(xs[0], xs[-1], xs[-5], xs[2])
xs[-1] = 55
xs[0] = xs[1] + xs[2]
print(xs)
for i in range(-len(xs), len(xs)):
    print(i, xs[i])
