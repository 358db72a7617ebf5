# int ** int with an exponent known only at run time: an int for a non-negative
# exponent, a float for a negative one.
for e in range(-3, 4):
    print(e, 2 ** e, (-3) ** e, pow(10, e))
base = 7
for e in [0, 1, -1, 2, -2, 40]:
    print(base ** e)
print(0 ** 0, 2 ** 100)
n = -1
print(0 ** n)
