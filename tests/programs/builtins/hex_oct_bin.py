# hex, oct and bin, including negatives and big ints.
for n in (0, 1, 10, 255, -255, 2 ** 64, -(2 ** 70)):
    print(n, hex(n), oct(n), bin(n))
