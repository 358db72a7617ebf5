# A function called from a comprehension raises: three frames.
def inv(x):
    return 1 // x

xs = [1, 0]
print([inv(x) for x in xs if x > -1])
