# Factorials grow past 64 bits quickly; every digit must be right.
def fact(n):
    r = 1
    i = 2
    while i <= n:
        r = r * i
        i += 1
    return r

for n in (0, 1, 5, 20, 21, 25, 50):
    print(n, fact(n))
print(fact(100) // fact(98))
print(fact(30) % 1000000007)
