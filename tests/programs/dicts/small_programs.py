# Dicts in ordinary programs: histograms, an adjacency list with BFS, memoisation,
# configuration tables printed with f-strings, deleting while walking a copy.
def histogram(xs):
    h = {}
    for x in xs:
        if x in h:
            h[x] += 1
        else:
            h[x] = 1
    return h


def add_edge(graph, a, b):
    graph.setdefault(a, []).append(b)
    graph.setdefault(b, []).append(a)


def bfs(graph, start):
    seen = {start: 0}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for nxt in graph[node]:
            if nxt not in seen:
                seen[nxt] = seen[node] + 1
                queue.append(nxt)
    return seen


print(histogram([3, 1, 3, 2, 3, 1]))
print(histogram("mississippi"))
g = {}
for a, b in [(1, 2), (1, 3), (2, 4), (3, 4), (4, 5)]:
    add_edge(g, a, b)
print(g)
print(bfs(g, 1))
memo = {}


def fib(n):
    if n in memo:
        return memo[n]
    r = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo[n] = r
    return r


print(fib(90), len(memo))
config = {"name": "krait", "debug": False, "level": 3, "ratio": 0.5, "tags": None}
for key in sorted(config):
    print(f"{key:>6} = {config[key]!r}")
print(f"{config}", str(config) == repr(config), not config, config == {})
inventory = {"apples": 3}
inventory["apples"] -= 1
inventory["pears"] = inventory.get("pears", 0) + 5
for item in list(inventory):
    if inventory[item] < 3:
        del inventory[item]
print(inventory)
flags = {True: "yes", False: "no", None: "unknown"}
print(flags[1 == 1], flags[None], flags)
matrix = {(r, c): r * c for r in range(3) for c in range(3) if r != c}
print(matrix)
totals = {name: sum(vals) for name, vals in {"a": [1, 2], "b": [3]}.items()}
print(totals)
