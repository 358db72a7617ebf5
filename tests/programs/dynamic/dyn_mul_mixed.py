# Multiplication of sequences by ints/bools, and numbers by numbers, in mixed lists.
left = ["ab", [1, None], (2,), 3, 1.5, True]
right = [2, 0, -1, True]
for l in left:
    print([l * r for r in right])
