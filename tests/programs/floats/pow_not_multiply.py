# x ** 2 is libm pow, which is not always x * x to the last bit.
count_sq = 0
count_half = 0
x = 0.3
for i in range(20000):
    x = x * 1.0001 + 0.000013
    if x ** 2 != x * x:
        count_sq += 1
    if x ** 0.5 != x ** 0.5:
        count_half += 1
print(count_sq, count_half)
print(x, x ** 2, x * x)
