# Recursive functions whose results grow beyond 64 bits.
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

def power(b, e):
    if e == 0:
        return 1
    half = power(b, e // 2)
    if e % 2 == 0:
        return half * half
    return half * half * b

print(fact(30), fact(60))
print(power(3, 100), power(-2, 101), power(10, 30) == 10 ** 30)
