# sum() adds in the caller's frame: the TypeError of an item that cannot be added
# has no <genexpr> entry in the traceback.
items = [1, 2, "three"]
print(sum(x for x in items[:2]))
print(sum(x for x in items))
