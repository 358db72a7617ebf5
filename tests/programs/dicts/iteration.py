# Walking dicts: keys in insertion order (also after deletes and re-inserts),
# items(), values(), keys(), comprehensions, and builtins consuming a dict.
def count_words(text):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return counts


c = count_words("the cat and the hat and the bat")
print(c)
for k, v in c.items():
    print(k, v)
for k in c:
    print(k, end=" ")
print()
print(sorted(c), sorted(c.values()), sum(c.values()), max(c.values()), list(c))
print([k for k in c.keys() if c[k] > 1], [v * 2 for v in c.values()])
print(max(c.items(), key=lambda kv: kv[1]))
squares = {i: i * i for i in range(6) if i != 3}
print(squares)
del squares[0]
squares[0] = 0
print(list(squares), {v: k for k, v in squares.items()})
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
for letter, words in sorted(groups.items()):
    print(letter, len(words), ", ".join(words))
inverted = {}
for name, n in [("a", 1), ("b", 2), ("c", 1)]:
    if n not in inverted:
        inverted[n] = []
    inverted[n].append(name)
print(inverted, any(len(v) > 1 for v in inverted.values()))
for i, (k, v) in enumerate(squares.items()):
    print(i, k, v)
