# ord and chr round-trip.
for c in "aZ0 ~é中😀":
    print(c, ord(c), chr(ord(c)) == c)
print(chr(65) + chr(66) + chr(0x4e2d), ord("\n"))
