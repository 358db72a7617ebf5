# True division, floor division and modulo on floats.
def show(a, b):
    print(a, b, a / b, a // b, a % b)

show(7.0, 2.0)
show(-7.0, 2.0)
show(7.0, -2.0)
show(-7.0, -2.0)
show(7.5, 0.5)
show(1.0, 0.1)
show(-1.0, 3.0)
show(0.0, -5.0)
show(-0.0, 5.0)
show(1e300, 1e-10)
