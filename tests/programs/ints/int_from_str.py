# int() of strings, with signs, spaces, underscores and bases.
print(int("42"), int("-17"), int("  +8  "), int("0"))
print(int("1_000_000"), int("123456789012345678901234567890"))
print(int("ff", 16), int("-0x1F", 16), int("777", 8), int("1010", 2), int("z", 36))
print(int("0b1010", 0), int("0o17", 0), int("0x10", 0), int("99", 0))
