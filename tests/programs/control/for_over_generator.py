# A for loop over a generator expression: the generator and the body alternate,
# break leaves both, else runs when the generator is exhausted.
def noisy(x):
    print("gen", x)
    return x * 2


for v in (noisy(y) for y in range(4) if y != 2):
    print("body", v)
    if v > 5:
        break
else:
    print("no break")
for v in (noisy(y) for y in range(2)):
    print("body", v)
else:
    print("exhausted")
x = "outer"
for x2 in (x * 2 for x in range(3)):
    print(x, x2)
k = 1
for a in (y + k for y in range(3)):
    k += 10
    print(a, k)
total = 0
for i, j in ((i, j) for i in range(3) for j in range(i)):
    if j == 1:
        continue
    total += i * j
    print(i, j)
print(total)
def first_big(xs):
    for x in (x for x in xs if x > 10):
        return x
    return -1
print(first_big([1, 20, 30]), first_big([]))
