# Strings grown in place by += : every other holder of an earlier value keeps it
# (returned, stored in a list, copied, sliced whole, passed to a function).
g = ""
stored = []


def keep():
    return g


def add(x):
    global g
    g += x


def remember(text):
    stored.append(text)


add("a")
add("b")
k = keep()
add("c")
print(k, g)
seen = []
for ch in "xyz":
    add(ch)
    seen.append(g)
    print(len(g), g == "abcx", g[0])
print(seen)
h = g
add("!")
print(h, g)
whole = g[:]
add("?")
print(whole, g)


def local_aliases():
    s = ""
    for i in range(3):
        s += str(i)
        t = s[:]
        remember(s)
        s += "|"
        print(t, s)
    u = s
    s += "end"
    print(u, s, stored)
    return s


r = local_aliases()
r += "+"
print(r, stored)
