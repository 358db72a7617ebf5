# list(range(n)) allocates its n items at once: too many is a MemoryError at the
# call, before any item is made.
print(len(list(range(10 ** 5))))
numbers = list(range(10 ** 11))
print("not reached")
