# Formatting inside a loop that runs many times: each iteration's scratch space
# is reused (it once grew the native stack until it overflowed).
total = 0
q = r = 0.0
for i in range(700000):
    s = f"{i}:{i * 0.5}"
    t = "%d" % i
    u = str(i) + repr(i * 0.25)
    q, r = divmod(i * 1.5, 7.0)
    total += len(s) + len(t) + len(u)
print(total, q, r)
