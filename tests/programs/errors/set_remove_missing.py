# remove() of an element the set does not hold.
s = {1, 2}
s.remove(2)
print(s)
s.remove(2)
