# float | None accumulated and compared.
def ratio(a, b):
    if b == 0:
        return None
    return a / b

rs = [ratio(a, b) for a, b in [(1, 2), (3, 0), (5, 4), (0, 7)]]
print(rs)
total = 0.0
for r in rs:
    if r is not None:
        total += r
print(total)
print([r for r in rs if r], [r or -1.0 for r in rs])
best = rs[1]
print(best is None, best == None, best)
