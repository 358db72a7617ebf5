# A generator expression over None fails where its iterator is taken, in the caller.
def f(k):
    if k:
        return None
    return [1, 2]
xs = f(1)
print(sum(v for v in xs))
