# Leibniz and Nilakantha series for pi.
def leibniz(n):
    total = 0.0
    sign = 1.0
    for k in range(n):
        total += sign / (2 * k + 1)
        sign = -sign
    return 4.0 * total

def nilakantha(n):
    pi = 3.0
    sign = 1.0
    k = 2.0
    for _ in range(n):
        pi += sign * 4.0 / (k * (k + 1.0) * (k + 2.0))
        sign = -sign
        k += 2.0
    return pi

print(leibniz(10000))
print(nilakantha(1000))
