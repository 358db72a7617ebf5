# inf, nan and negative zero print and compare as in CPython.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, -0.0, 0.0)
print(inf > 1e308, -inf < -1e308, inf == inf, nan == nan, nan != nan)
print(inf + 1, inf - inf, inf * 0, -inf * -1)
print(1e308 * 10, -1e308 * 10)
z = -0.0
print(z == 0.0, z, -z, 0.0 * -1, abs(z))
print(float("-inf"), float("Infinity"), float("-nan"))
