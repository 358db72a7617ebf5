# Bools are ints in arithmetic.
t = True
f = False
print(t + t, t * 10, f - t, t / 2, -t, t // 1)
print(t == 1, f == 0, t < 2, t is True)
count = 0
for i in range(10):
    count += i % 3 == 0
print(count)
