# Set algebra: |, &, -, ^ and their methods and in-place forms, subset tests,
# equality, copy, clear, pop.
a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 9} <= a, a >= {2, 3}, {1, 2} < {1, 2}, {1} < {1, 2})
print({1, 2}.issubset(a), a.issuperset({5}), a.isdisjoint({8, 9}), a.isdisjoint(b))
print(a == {5, 4, 3, 2, 1}, a != b, {1, 2} == {1.0, 2.0})
c = a.copy()
c |= {100, 200}
print(a, c)
c &= {1, 100, 3, 7}
print(c)
c -= {1}
print(c)
c ^= {3, 4}
print(c)
alias = c
alias.update({50, 60})
print(c, alias is c)
d = set(range(40))
while len(d) > 35:
    print(d.pop(), end=" ")
print()
d.clear()
print(d, len(d))
visited = set()
order = []
graph = [[1, 2], [3], [3, 4], [0], []]
stack = [0]
while stack:
    node = stack.pop()
    if node in visited:
        continue
    visited.add(node)
    order.append(node)
    for nxt in graph[node]:
        stack.append(nxt)
print(order, visited)
