# range() of a value whose type is only known at run time: a float is CPython's
# TypeError "'float' object cannot be interpreted as an integer".
def count(n):
    total = 0
    for i in range(n + 1):
        total += i
    return total


for n in (3, True, 2.5):
    print(count(n))
