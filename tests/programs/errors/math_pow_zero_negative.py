# math.pow(0, negative) is a domain error (the ** operator raises ZeroDivisionError).
import math


def p(x, y):
    return math.pow(x, y)


print(p(0.0, 2))
print(p(0.0, -1))
