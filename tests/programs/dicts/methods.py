# dict.get/setdefault/pop/update/clear/copy and dict().
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.get("b", -1))
print(d.setdefault("c", 3), d.setdefault("a", 100), d)
print(d.pop("a"), d.pop("zz", "none"), d)
e = d.copy()
e["x"] = 9
print(d, e, d == e)
d.update({"b": 20, "q": 7})
print(d)
f = dict(d)
f.clear()
print(f, d, dict(), len(dict()))
scores = {}
for name, pts in [("ann", 3), ("bob", 5), ("ann", 4)]:
    scores[name] = scores.get(name, 0) + pts
print(scores)
maybe = {"k": None, "j": 1}
print(maybe, maybe["k"] is None, maybe.get("j"))
floats = {0.5: 1.5}
floats[0.5] += 1.0
print(floats)
