# Displays of constants (CPython builds them as a frozenset constant, whose order
# differs when hashes collide) and update() from lists, tuples, sets, dicts, strs.
print({-3, 0, 5}, {1, 9, 17, 25}, {8, 16, 0, -8, 3})
s = {1}
s.update([9, 17, 2])
s.update((33, 1))
s.update({41, 49})
s.update({"k": 1, 57: 2} if False else {57: "x", 65: "y"})
print(s)
letters = set()
letters.update("hello")
print(sorted(letters))
