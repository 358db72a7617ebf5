# Digit sums of big powers through // and %.
def digit_sum(n):
    s = 0
    while n > 0:
        s += n % 10
        n //= 10
    return s

print(digit_sum(2 ** 1000))
print(digit_sum(3 ** 500))
n = 1
for i in range(1, 101):
    n *= i
print(digit_sum(n))
