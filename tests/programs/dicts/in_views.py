# `in` over a dict view: d.keys(), d.values(), d.items().
d = {"a": 1, "b": 2}
print("a" in d.keys(), "z" in d.keys(), 2 in d.values(), ("a", 1) in d.items())
print(5 not in d.values(), ("b", 3) in d.items(), 1 < 2 in d.values())
