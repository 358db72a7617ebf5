names = ["ada", "bob", "cy"]
ages = [36, 41, 29, 99]
for name, age in zip(names, ages):
    print(name, age)
pairs = [(n, a) for n, a in zip(names, ages)]
print(pairs)
print(any([a > 40 for a in ages]), all(a > 30 for a in ages))
print(any([]), all([]))
print(list("abc"), list((1, 2, 3)), list())
print(sorted([3, 1, 2], reverse=True), sorted("banana"))
print(max([2.5, 1.5]), min("hello"), sum([0.1] * 10), sum(range(10)))
print(sum([True, True, False]), sum([1, 2], 10))
words = [w for w in names if "b" not in w]
print(words, [c for w in names for c in w if c != "a"])
