# Palindromic numbers and digit reversal.
def reverse(n):
    r = 0
    while n > 0:
        r = r * 10 + n % 10
        n //= 10
    return r

count = 0
largest = 0
for a in range(100, 400):
    for b in range(a, 400):
        p = a * b
        if p == reverse(p):
            count += 1
            if p > largest:
                largest = p
print(count, largest)
n = 196
for _ in range(30):
    n = n + reverse(n)
print(n)
