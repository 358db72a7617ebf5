# Reads from a dict or set nothing is ever stored into: defaults, then KeyError.
d = {}
print(d.get("a", 0), d.get("b"), d.pop("c", None), len(d))
s = set()
print(len(s), 3 in s, s)


def lookup(table, key):
    return table.get(key, "missing")


print(lookup({}, 1))
e = {}
print(e[5])
