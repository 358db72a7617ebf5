# len() and 'in' of range() objects, from their bounds: big ints, negative steps, floats, other types, and the errors.
print(len(range(10)), len(range(10, 0, -3)), len(range(5, 100, 7)), len(range(0)), len(range(-5)))
print(len(range(-10 ** 20, 10 ** 20, 3 ** 30)))
for x in [-1, 0, 3, 4, 9, 10, 2.0, 2.5, True, False, "a", None, 10 ** 30]:
    print(x in range(10), x in range(0, 10, 2), x not in range(10, 0, -3), x in range(-5, 5, 5))
n = 7
print(3 in range(n), n in range(n), (n - 1) in range(1, n, 2), float("inf") in range(n))
print(len(range(1, 2, 0)))
