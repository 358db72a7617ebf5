# Keyword-only parameters after a bare star.
def scale(x, *, factor=2, offset=0):
    return x * factor + offset

print(scale(5), scale(5, factor=3), scale(5, offset=1, factor=10))
