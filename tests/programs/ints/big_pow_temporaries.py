# Powers and products of ints hundreds of kilobytes long: GMP works on large
# temporaries there, which must survive the collector (a crash once).
x = 3 ** 2000
y = x ** 1000
print(y % 1000000007, y > x)
z = int(1.5e300) ** 1000
print(z % 998244353, (z * y) % 1000000009, (y // x ** 999) == x)
w = 7 ** 300000
print(w % 10 ** 12, (w * w) % 10 ** 9, len(bin(w)))
