# Constant templates the compiler does not turn into format() calls (%c, %a, *
# widths, precision on %d, a count of values that does not match) are formatted at run
# time, with the same errors as CPython.
print("%c%c" % (72, "i"), "%*d|" % (5, 42), "%.3d" % 7, "[%-*s]" % (6, "ab"))
print("%d%%" % 50, "%s" % [1, 2], "%s-%s" % (1, 2))
n = 3
print("%0*.*f" % (n + 5, n, 3.14159))
print("%a|%5a" % ("\u00e9", 1))
print("%d items and %d" % (1,))
