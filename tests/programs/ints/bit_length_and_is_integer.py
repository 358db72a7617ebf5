# int.bit_length()/bit_count() across the small/big boundary, float.is_integer().
for n in [0, 1, -1, 255, 256, -256, 2**62 - 1, -2**62, 2**62, 2**100, -2**100, 10**30]:
    print(n, n.bit_length(), n.bit_count())
print(True.bit_length(), False.bit_length())
bits = 0
power = 1
for k in range(1, 200):
    power *= 3
    bits += power.bit_length()
print(bits)
for x in [2.0, 2.5, -0.0, float("inf"), float("nan"), 1e300, -3.0, 0.1 * 3]:
    print(x, x.is_integer())
