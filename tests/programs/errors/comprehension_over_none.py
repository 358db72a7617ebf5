# A comprehension over None fails in the enclosing frame, the comprehension underlined.
def f(k):
    if k:
        return None
    return [1, 2]
xs = f(1)
print([v for v in xs])
