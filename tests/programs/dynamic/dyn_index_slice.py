# Indexing and slicing dyn sequences with positive, negative and stepped slices.
seqs = [[1, 2.5, "c", None, (5,)], "hello", (0, "one", 2.0)]
for s in seqs:
    print(len(s), s[0], s[-1], s[1:3], s[::2], s[-2:], s[:0], s[::-1])
    i = 0
    for x in s:
        i += 1
    print(i)
