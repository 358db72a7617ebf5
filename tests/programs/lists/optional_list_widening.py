# A list reached through a value that may be None (`list[...] | None`) takes items
# of other types like any list: every name for it agrees on the wider element type.
# These crashed, printed raw bits as floats, or stopped with an internal error.
def get(n):
    if n:
        return [[1]]
    return None


r = get(1)
r[0].append(2.5)
print(r[0][1], r)


def get_flat(n):
    if n:
        return [1]
    return None


s = get_flat(1)
s.append("s")
if s is not None:
    s.insert(0, None)
print(s)

acc = None
for i in range(3):
    if acc is None:
        acc = [0.5]
    else:
        acc.append(i)
print(acc)

rows = [[1, 2], [3]]
best = None
for row in rows:
    if best is None:
        best = row
best.append(0.5)
print(best, rows)

groups = []
cur = None
for w in "a bb cc d".split():
    if cur is None or len(w) != cur[0]:
        cur = [len(w)]
        groups.append(cur)
    cur.append(w)
print(groups)

ls = [[1.5]]
first = ls[0] if ls else None
first.append(3)
first.append(True)
print(ls)


def pair(n):
    if n:
        return ([1], 2)
    return None


t = pair(1)
t[0].append(2.5)
print(t)

cache = None


def lookup(k):
    global cache
    if cache is None:
        cache = [0] * 3
    cache[k] = "hit"
    return cache


print(lookup(1), lookup(2))
