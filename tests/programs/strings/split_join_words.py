# Word statistics with str methods: split, join, strip, case, searching.
text = """  The quick brown fox
jumps over the lazy dog.  The dog sleeps;
the fox RUNS away!  """
lines = text.strip().splitlines()
print(len(lines), [line.strip() for line in lines])
words = []
for line in lines:
    for w in line.split():
        words.append(w.strip(".;!").lower())
print(words)
counts = []
seen = []
for w in words:
    if w not in seen:
        seen.append(w)
        counts.append(words.count(w))
print(", ".join(f"{w}={c}" for w, c in zip(seen, counts)))
print("-".join(sorted(seen)), "|".join(w.upper() for w in seen if len(w) > 4))
print(text.find("fox"), text.rfind("fox"), text.count("the"), text.find("cat"))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "x".rsplit("x"), "  a  b ".split(None, 1))
print("Hello World".swapcase(), "hello world".title(), "hello".capitalize())
print("42".zfill(5), "-7".zfill(4), "ab".center(7, "*"), "ab".ljust(4) + "|", "ab".rjust(4))
print("abc".startswith("ab"), "abc".endswith("bc"), "abc".replace("b", "XX"), "aaaa".replace("a", "b", 2))
print("123".isdigit(), "12a".isalnum(), "   ".isspace(), "Ab".isupper(), "ab".islower(), "Straße".upper())
print("spam".index("a"))
print("spam".index("z"))
