# Mixing a huge int into float arithmetic overflows the conversion.
x = 1.5
big = 10 ** 400
print(x * 2)
print(x + big)
