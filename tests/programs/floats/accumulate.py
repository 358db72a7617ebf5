# Floating point accumulation rounds at every step, as in CPython.
total = 0.0
for i in range(1000):
    total += 0.1
print(total)
s = 0.0
i = 1
while i <= 100000:
    s += 1.0 / (i * i)
    i += 1
print(s)
h = 0.0
for k in range(1, 2000):
    h += (-1.0) ** (k + 1) / k
print(h)
