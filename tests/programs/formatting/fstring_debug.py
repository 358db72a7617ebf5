# The = specifier and conversions.
x = 10
y = 2.5
print(f"{x=} {y=} {x * y=}")
print(f"{x!r} {'q'!r} {'q'!s}")
