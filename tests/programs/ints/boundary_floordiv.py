# // and % with operands at the edge of the 63-bit small-int range.
def show(a, b):
    print(a // b, a % b, -a // b, -a % b, a // -b, a % -b)

show(4611686018427387903, 7)
show(4611686018427387904, 7)
show(9223372036854775807, 10)
show(9223372036854775808, 3)
show(-9223372036854775808, -1)
show(4611686018427387904, 4611686018427387903)
show(1, 4611686018427387904)
