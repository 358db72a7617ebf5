# Mixed int/float operands in every operator, including big ints.
a = 7
b = 2.5
print(a + b, b + a, a - b, b - a, a * b, b * a, a / b, b / a)
print(a // b, b // a, a % b, b % a, -a // b, -a % b)
big = 10 ** 20
print(big + 0.5, big * 1.5, big / 4.0, 0.5 * big, big // 3.0)
print(a ** 0.5, 2.0 ** a, (-a) ** 2.0)
