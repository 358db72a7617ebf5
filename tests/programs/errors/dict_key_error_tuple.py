# A missing tuple key: KeyError shows the tuple.
d = {(1, 2): "x"}
del d[(1, 2)]
print(d)
del d[(3, 4)]
