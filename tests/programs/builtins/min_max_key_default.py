# min() and max() with key= and default=, over lists, strings, ranges, generator
# expressions and several arguments: the first best item wins ties.
words = ["banana", "Apple", "cherry", "date", "fig", "Elder"]
print(min(words, key=len), max(words, key=len))
print(max(words, key=lambda w: w.lower()), min(words, key=lambda w: w[-1]))
print(min([], default=None), max([], default=-1), min([3, 1], default=0))
print(max((x * x for x in range(-5, 3)), key=lambda v: -v))
print(min(range(10), key=lambda i: (i - 4) ** 2))
print(max(3, 7, 5, key=lambda v: v % 4), min(2.5, -3.0, key=abs))
pairs = [(1, "b"), (3, "a"), (2, "c")]
print(max(pairs, key=lambda p: p[1]), min(pairs, key=lambda p: p[0]))


def score(s):
    return s.count("a")


print(max(["aa", "b", "aaa", "ab", "aaa"], key=score))
print(max("hello world", key=ord), min("hello", key=lambda c: -ord(c)))
print(min([[3, 1], [2, 9]], key=sum))
print(max([], key=len, default="none"))
print(min((x for x in [0, 0] if x), default=42))
print(max([2, 5, 5, 1], key=lambda v: v), min([(1, "x"), (1, "a")], key=lambda p: p[0]))
