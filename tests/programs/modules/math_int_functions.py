# floor, ceil and trunc return ints; isqrt, gcd and factorial are exact.
import math
print(math.floor(2.5), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.1), math.trunc(-3.9))
print(math.floor(1e20), math.ceil(7), math.isqrt(10 ** 20 + 1), math.isqrt(99))
print(math.gcd(120, 84), math.gcd(0, 5), math.factorial(25))
print(math.comb(50, 25), math.perm(10, 3))
