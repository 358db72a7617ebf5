# Old-style % formatting.
print("%d items at %.2f each" % (3, 1.5))
print("%5s|%-5s|%05d|%x|%r" % ("a", "b", 42, 255, "s"))
