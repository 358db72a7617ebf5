# Sets of ints, tuples and strs: displays, add/remove/discard, in, len, iteration
# order (CPython's for ints and tuples of ints), set(), comprehensions. Sets of
# strs are printed sorted (str hashes differ between runs of python3 itself).
s = {3, 1, 2}
s.add(10)
s.add(1)
print(s, len(s), 2 in s, 5 in s, 5 not in s)
s.discard(3)
s.discard(99)
s.remove(10)
print(s, bool(s), bool(set()), set())
seen = set()
for x in [5, 3, 5, 1, 3, 9, 17, 33, 8]:
    seen.add(x)
print(seen, [x for x in seen], sum(seen), max(seen))
print(set([4, 4, 2, 8, 2]), set(range(12, 0, -2)), set((1, 2, 1)))
big = {i * 7 % 100 for i in range(60)}
print(len(big), big)
pairs = {(1, 2), (2, 1), (1, 2), (0, 0)}
print(pairs, (2, 1) in pairs)
words = set("the quick brown fox jumps over the lazy dog".split())
print(len(words), sorted(words), "fox" in words, "cat" in words)
letters = set("mississippi")
print(sorted(letters))
negatives = {-1, -2, -3, 0, 2**70, -2**70, 1.5}
print(negatives)
floats = {0.5, 1.0, 1, True, 2.5}
print(floats, len(floats))
evens = {n for n in range(20) if n % 2 == 0}
print(evens)
