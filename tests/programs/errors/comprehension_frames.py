# An error inside nested list comprehensions: each is a frame of its own in CPython's traceback.
xs = [1, 0]
ys = [[1 // x for x in xs] for _ in range(2)]
