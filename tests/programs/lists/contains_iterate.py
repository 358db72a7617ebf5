# in and iteration.
xs = [3, 1, 4, 1, 5, 9, 2, 6]
print(4 in xs, 7 in xs, 7 not in xs)
total = 0
for x in xs:
    total += x
print(total)
fs = [0.5, 1.5]
print(1.5 in fs, 1 in [1.0], 2 in [2.0000001])
