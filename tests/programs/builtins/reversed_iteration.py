# reversed() of ranges and sequences.
for i in reversed(range(5)):
    print(i, end=" ")
print()
print(list(reversed(range(2, 20, 3))), list(reversed(range(10, 0, -4))), list(reversed(range(0))))
print([c for c in reversed("héllo")], list(reversed((1, 2.5, "x"))))
xs = [1, 2, 3, 4, 5]
for x in reversed(xs):
    if x == 4:
        xs.pop()
        xs.pop()
        xs.pop()
    print(x, xs)
print(sum(reversed([1, 2, 3])), max(reversed([4, 9, 2])), sorted(reversed(xs)))
total = 0
for k, v in enumerate(reversed([10, 20, 30])):
    total += k * v
print(total)
print(list(reversed(range(10**20, 10**20 + 3))))
