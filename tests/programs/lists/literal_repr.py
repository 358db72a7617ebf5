# Lists print with repr of their elements.
print([1, 2, 3], [], [0.1, -0.0, 1e16], [True, None, "a"])
print([[1, 2], [3], []], ["it's", 'q"'])
print([10 ** 20, -1])
