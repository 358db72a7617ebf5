# Comparisons across the small/big boundary and with floats.
big = 2 ** 64
small = 12345
print(big > small, small < big, big == big, big != big + 1, -big < small)
print(big == 18446744073709551616.0, big + 1 == 18446744073709551616.0)
print(big + 1 > 18446744073709551616.0, big - 1 < 18446744073709551616.0)
print(2 ** 63 == 9223372036854775808.0, 2 ** 63 - 1 < 9223372036854775808.0)
print(-(2 ** 63) == -9223372036854775808.0, 0.5 < 1 < 1.5)
