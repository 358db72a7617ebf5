# A comparison whose result is not tested by an if or while (here an argument) is
# not specialised by python3, even on small ints: in the deepest frame it fails
# with RecursionError 'in comparison'.
def count(n, flag):
    return 1 + count(n + 1, n == 3)


print(count(0, False))
