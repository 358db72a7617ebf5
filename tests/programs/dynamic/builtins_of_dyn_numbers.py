# Builtins of values typed dyn (an int ** int is an int or a float).
import math


def power(b, e):
    return b ** e


x = power(2, 10)
y = power(2, -2)
print(hex(x), oct(x), bin(x), chr(x // 10 + 40))
print(math.sqrt(x), math.sqrt(y), math.gcd(x, 48), math.factorial(power(2, 2)))
print(math.sin(y), math.exp(power(3, 0)), math.isqrt(power(10, 3)))
print(hex(y))
