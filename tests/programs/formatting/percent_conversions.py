# printf-style % formatting with a constant template.
name = "krait"
n = 42
x = 3.14159
print("%s has %d items" % (name, n))
print("[%5d] [%-5d] [%05d] [%+d] [% d]" % (n, n, n, n, -n))
print("[%.2f] [%8.3f] [%-8.1f|] [%e] [%g] [%G]" % (x, x, x, x, x, 1e-10))
print("[%x] [%X] [%#x] [%o] [%#o]" % (255, 255, 255, 8, 8))
print("[%10s] [%-10s] [%.3s] [%r]" % (name, name, name, name))
print("%d%%" % 50, "%s" % [1, 2], "%s %s" % (True, None), "%d" % 7.9, "%i" % -2.5)
print("%s" % "alone", "%5.1f%%" % 12.345)
for i in range(3):
    print("row %2d: %6.2f" % (i, i * x))
