# Sums and differences just past the small-int range, and back again.
lo = -4611686018427387904
hi = 4611686018427387903
print(hi + 1, lo - 1, hi - lo, lo - hi, hi + hi, lo + lo)
x = hi + 1
print(x - 1, x - 1 == hi, x + lo, -x)
y = 0
i = 0
while i < 70:
    y = y * 2 + 1
    i += 1
print(y, y - y, y + 1, -y - 1)
