# A list cannot be an element of a set.
s = {1}
item = [2]
s.add(item)
