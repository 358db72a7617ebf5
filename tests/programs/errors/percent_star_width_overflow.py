# A '*' width past 64 bits: OverflowError worded for C's ssize_t.
print("[%*s]" % (-6, "ab"))
print("%*d" % (2 ** 63, 1))
