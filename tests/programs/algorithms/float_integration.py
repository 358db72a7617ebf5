# Simpson's rule integration of polynomials and 1/x.
def simpson_poly(a, b, n):
    h = (b - a) / n
    s = a * a * a + b * b * b
    for i in range(1, n):
        x = a + i * h
        if i % 2 == 1:
            s += 4.0 * x * x * x
        else:
            s += 2.0 * x * x * x
    return s * h / 3.0

def simpson_inv(a, b, n):
    h = (b - a) / n
    s = 1.0 / a + 1.0 / b
    for i in range(1, n):
        x = a + i * h
        w = 4.0 if i % 2 == 1 else 2.0
        s += w / x
    return s * h / 3.0

print(simpson_poly(0.0, 2.0, 100), simpson_inv(1.0, 2.0, 1000))
