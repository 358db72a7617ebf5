# In the deepest frame the recursion limit allows, python3 fails a comparison of an
# int with a float (one it does not specialise) with RecursionError 'in comparison'.
def down(n):
    if n == 0.5:
        return 0
    return 1 + down(n - 1)
print(down(3000))
