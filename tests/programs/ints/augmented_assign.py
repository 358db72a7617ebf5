# Every augmented assignment operator on ints.
x = 10
x += 5
print(x)
x -= 20
print(x)
x *= -3
print(x)
x //= 4
print(x)
x %= 7
print(x)
x **= 3
print(x)
x <<= 70
print(x)
x >>= 68
print(x)
x &= 0xF0
print(x)
x |= 3
print(x)
x ^= 0xFF
print(x)
