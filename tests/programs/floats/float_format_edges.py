# str() and repr() of floats switch to exponent notation at 1e16 and 1e-4.
for x in (1e15, 9999999999999998.0, 1e16, 1.5e16, 0.0001, 0.00001, 0.00012345, 123.456e10):
    print(x, str(x), repr(x))
print(-1e16, -0.0001, 1e100, 1.0e-100)
