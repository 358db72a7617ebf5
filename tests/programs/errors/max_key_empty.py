# max() with a key of an empty sequence, without default.
print(max([1, 2], key=lambda v: -v))
print(max([], key=len))
