# Dict displays, d[k] loads and stores, len, in, del, truth, equality and repr.
ages = {"ada": 36, "alan": 41}
ages["grace"] = 85
ages["ada"] = 37
print(ages, len(ages), ages["alan"])
print("ada" in ages, "bob" in ages, "bob" not in ages)
del ages["alan"]
print(ages, bool(ages), bool({}))
empty = {}
empty[1] = "one"
empty[2.5] = "two and a half"
print(empty)
print({1: "a"} == {1.0: "a"}, {1: "a"} == {1: "b"}, {"x": [1, 2]} == {"x": [1, 2]})
same = {1: "int", 1.0: "float", True: "bool"}
print(same, len(same))
grid = {(0, 0): "origin", (1, 2): "point"}
print(grid[(1, 2)], (0, 0) in grid, (2, 1) in grid)
nested = {"a": {"b": {"c": 1}}, "list": [1, {"k": None}]}
print(nested, nested["a"]["b"]["c"])
nested["a"]["b"]["d"] = 2
print(nested["a"])
big = {2**70: "big", -1: "neg"}
print(big[2**70], big, 2**70 in big, float(2**70) in big)
text = {"é": "unicode", "": "empty"}
print(text, repr(text), str(text))
