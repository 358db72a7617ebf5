# repr at the extremes: subnormals, powers of two and ten, near-overflow values.
x = 1.0
i = 0
while i < 1080:
    x = x / 2.0
    i += 1
    if i % 60 == 0 or i > 1070:
        print(i, x)
y = 1.0
k = 0
while k < 310:
    y = y * 10.0
    k += 1
    if k % 25 == 0 or k > 305:
        print(k, y)
