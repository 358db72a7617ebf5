# Lambdas without free variables: called directly, kept in variables, passed as
# arguments, with defaults; a lambda may call module functions and other lambdas.
inc = lambda x: x + 1
print(inc(5), inc(0.5))
print((lambda a, b=10: a * b)(3), (lambda a, b=10: a * b)(3, 4))
area = lambda w, h: w * h
print(area(3, 4), area(h=2, w=5))
is_even = lambda n: n % 2 == 0
print([n for n in range(10) if is_even(n)])


def apply(f, v):
    return f(v)


print(apply(lambda s: s[::-1], "stressed"), apply(lambda n: n**2, 12))
double_then_inc = lambda x: inc(x * 2)
print(double_then_inc(20))
nothing = lambda: None
print(nothing())
sign = lambda x: -1 if x < 0 else (1 if x > 0 else 0)
print([sign(v) for v in [-5, 0, 7]])
