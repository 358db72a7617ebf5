# any(), all(), sum(), min() and max() pull items one at a time from a generator
# expression or a range(): any() and all() stop at the deciding item, so the items
# after it are never computed.
def noisy(x):
    print("computing", x)
    return x


print(any(noisy(x) > 1 for x in [0, 2, 5, 9]))
print(all(noisy(x) < 3 for x in [0, 2, 5, 9]))
print(any(1 / x > 0.5 for x in [1, 0]))
print(all(x < 3 for x in range(10 ** 12)))
print(any(x for x in []), all(x for x in []), any(range(0)), all(range(1, 4)))

# Nested generators: any() leaves both loops at once.
print(any(i * j == 6 and noisy(i) for i in range(1, 5) for j in range(1, 5)))

print(sum(x * x for x in range(10)), sum(range(101)), sum(range(5), 10))
print(sum(x * 0.5 for x in range(4)), sum((x for x in [1, 2]), 0.5))
print(sum(True for x in range(7) if x % 2), sum(x for x in [True, False, True]))
print(sum(10 ** 20 for _ in range(3)), sum((x for x in []), 10 ** 30))
print(sum(i for i in range(5) for j in range(i) if j % 2 == 0))
print(sum(x for x in range(10 ** 6)))

print(max(x % 7 for x in range(20)), min(x % 7 for x in range(1, 20)))
print(max(range(5)), min(range(3, 9)), max(range(10, 0, -3)))
print(max(s for s in ["b", "abc", "z"]), min(len(s) for s in ["b", "abc", "z"]))
print(max(float(x) for x in [1, 3, 2]), min(-x for x in range(4)))
# The first of equal items is kept: 1 and 1.0 compare equal.
print(max(x for x in [1, 1.0]), min(x for x in [2.0, 2, 3]))


def average(xs):
    return sum(x for x in xs) / len(xs)


print(average([1.5, 2.5, 4.0]), average([1, 2]))
