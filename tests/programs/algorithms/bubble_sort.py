# Bubble sort on a list built from a linear congruential generator.
seed = 12345
xs = []
for _ in range(200):
    seed = (seed * 1103515245 + 12345) % 2147483648
    xs.append(seed % 1000)
n = len(xs)
for i in range(n):
    for j in range(n - 1 - i):
        if xs[j] > xs[j + 1]:
            xs[j], xs[j + 1] = xs[j + 1], xs[j]
print(xs[:10], xs[-10:], xs == sorted(xs))
