# tuple.index() of a value the tuple does not hold.
point = (1, 2)
print(point.index(2))
print(point.index(3))
