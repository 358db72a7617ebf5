# ** on floats goes through libm pow.
print(2.0 ** 0.5, 2.0 ** 10, 10.0 ** -2, 0.5 ** 3)
print((-2.0) ** 3, (-8.0) ** 2, 0.0 ** 0, 1.5 ** 2.5)
print(2 ** 0.5, 9 ** 0.5, 1.0000001 ** 1000000)
x = 1.1
total = 0.0
for i in range(50):
    total += x ** i
print(total)
