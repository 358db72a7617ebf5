# A list cannot be a key.
d = {}
key = [1, 2]
d[key] = 3
