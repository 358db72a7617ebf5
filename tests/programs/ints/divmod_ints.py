# divmod agrees with // and %.
for a in (17, -17, 0, 5, -5):
    for b in (5, -5, 3, 1):
        q, r = divmod(a, b)
        print(a, b, q, r, q * b + r == a)
print(divmod(10 ** 25, 7), divmod(-(10 ** 25), 7))
