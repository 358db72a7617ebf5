# Building a string with += : krait grows a string in place when the variable
# holds its only reference, so every other name for the old value must keep it.
def build(n):
    s = ""
    for i in range(n):
        s += "ab"
    return s


def numbered(n):
    text = ""
    for i in range(n):
        line = str(i)
        line += ";"
        text += line
    return text


def shared():
    a = "ab"
    b = a
    a += "c"
    print(a, b)
    c = ""
    kept = []
    for ch in "xyz":
        c += ch
        d = c
        kept.append(c)
        c += "-"
        print(c, d)
    print(kept)
    e = ""
    e += "é"
    e += "ü"
    if e:
        print(e, len(e), e == "éü", e < "f")
    f = e
    f += "?"
    e += "!"
    print(e, f)
    return e


def twice(s):
    s += s
    s += "."
    return s


s = build(200000)
print(len(s), s[:6], s[-4:])
t = numbered(20000)
print(len(t), t[:20], t[-12:])
r = shared()
r += "+"
print(r, shared())
print(twice("ab"), twice(""))
