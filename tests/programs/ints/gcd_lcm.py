# Euclid's algorithm with loops and recursion.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a

def gcd_rec(a, b):
    if b == 0:
        return a
    return gcd_rec(b, a % b)

def lcm(a, b):
    return a // gcd(a, b) * b

print(gcd(48, 18), gcd_rec(48, 18), lcm(4, 6))
print(gcd(2 ** 64, 2 ** 40 * 3), gcd_rec(10 ** 20, 10 ** 18 + 10))
total = 1
for k in range(1, 31):
    total = lcm(total, k)
print(total)
