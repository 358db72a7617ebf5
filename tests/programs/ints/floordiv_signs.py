# Floor division and modulo round toward negative infinity.
def show(a, b):
    print(a, b, a // b, a % b)

show(7, 2)
show(-7, 2)
show(7, -2)
show(-7, -2)
show(0, 3)
show(0, -3)
show(6, 3)
show(-6, 3)
show(1, 1000)
show(-1, 1000)
show(1, -1000)
