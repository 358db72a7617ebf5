# Float loops: a midpoint-rule integral and an alternating series.
def integrate(steps):
    h = 1.0 / steps
    total = 0.0
    for i in range(steps):
        x = (i + 0.5) * h
        total += 4.0 / (1.0 + x * x)
    return total * h


def series(terms):
    total = 0.0
    sign = 1.0
    for k in range(terms):
        total += sign / (2.0 * k + 1.0)
        sign = -sign
    return total


print(integrate(32000000))
print(series(32000000))
