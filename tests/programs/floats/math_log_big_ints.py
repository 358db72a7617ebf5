# math.log, log2 and log10 of ints beyond the double range (CPython splits them as
# m * 2**e), with int and float bases, and the domain error of a huge negative int.
import math
print(math.log10(10**400), math.log(10**400), math.log2(2**2000), math.log2(2**2000 + 1))
print(math.log(2**1100, 2), math.log(8, 2**1100), math.log(10**500, 10), math.log(7, 2.5))
print(math.log(3), math.log2(1024), math.log10(1000), math.log(2**1023 * 3), math.log(2**53 + 1))
print(math.log(True), math.log10(2**1024 - 1), math.log2(3**1000), math.log(10**400, 10.0))
print(math.log(-(10**400)))
