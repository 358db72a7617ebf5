# Values that may be None (T | None): returns, "best so far", is None tests, None in lists.
def find(xs, target):
    for i, x in enumerate(xs):
        if x == target:
            return i
    return None


def largest(xs):
    best = None
    for x in xs:
        if best is None or x > best:
            best = x
    return best


def first_word(text):
    if not text:
        return None
    return text.split()[0]


print(find([4, 5, 6], 5), find([4, 5, 6], 9))
r = find([1, 2], 2)
if r is not None:
    print("found at", r + 1)
print(largest([3, 9, 2]), largest([]))
w = first_word("hello world")
print(w, first_word(""), w.upper() if w else "-")
names = ["a", None, "c"]
print(names, [n for n in names if n is not None], None in names, names.count(None))
cache = None
if cache is None:
    cache = [1, 2]
cache.append(3)
print(cache, len(cache), bool(cache), cache == [1, 2, 3], cache != None)
m = largest([])
print(m is None, m == None, not m, f"{m}", str(m), repr(w))
def maybe(flag):
    return 5 if flag else None


print(maybe(True) + 1)
print(maybe(False) + 1)
