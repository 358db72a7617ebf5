# Searches with start and end arguments.
s = "abracadabra"
print(s.find("a", 1), s.find("a", 1, 3), s.find("bra", -4), s.find("a", 20), s.find("", 11), s.find("", 12))
print(s.rfind("a", 0, 10), s.rfind("bra", 0, 10), s.rfind("", 3, 5), s.rfind("x", 2))
print(s.index("c", 2), s.rindex("a", None, -1), s.count("a", 1), s.count("a", 1, -1), s.count("", 3, 6), s.count("", 20))
print(s.startswith("cad", 4), s.startswith("cad", 4, 6), s.startswith("", 11), s.startswith("", 12))
print(s.endswith("cad", 0, 7), s.endswith("bra", -3), s.endswith("a", None, None))
u = "héllo wörld héllo"
print(u.find("é", 2), u.rfind("l", 0, 5), u.count("l", 3), u.startswith("wö", 6), u.endswith("llo", 0, 5), u.startswith("héllo", 12))
pos = 0
words = []
text = "one,two,,three"
while True:
    k = text.find(",", pos)
    if k < 0:
        words.append(text[pos:])
        break
    words.append(text[pos:k])
    pos = k + 1
print(words)
def maybe(c):
    if c:
        return 2
print(s.find("a", maybe(True)), s.find("a", maybe(False)))
print(s.index("z", 3))
