# Indices that are range() counters: krait checks them as machine integers. Negative
# counters count from the end, and bools, tuples and lists of each width behave as
# in python3.
xs = [10, 20, 30, 40, 50]
flags = [True, False, True, False, True]
t = (1.5, 2.5, 3.5)
print([xs[i] for i in range(-5, 5)])
print([flags[i] for i in range(-5, 5, 2)], [t[i] for i in range(-3, 3)])
total = 0
for i in range(len(xs) - 1, -len(xs) - 1, -1):
    total = total * 7 + xs[i]
    xs[i] += i
print(total, xs)
for j in range(0, 5, 2):
    flags[j] = not flags[j]
print(flags)
sieve = [True] * 30
for i in range(2, 6):
    if sieve[i]:
        for j in range(i * i, 30, i):
            sieve[j] = False
print([k for k in range(30) if sieve[k]])
