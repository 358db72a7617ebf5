# inf and nan from arithmetic, printed and compared.
big = 1e308
inf = big * 10.0
nan = inf - inf
print(inf, -inf, nan, -nan)
print(inf > big, nan == nan, nan != nan, nan < 1.0, nan > 1.0, inf == inf)
print(inf + inf, inf * -1.0, 1.0 / inf, -1.0 / inf, inf / inf)
print(min(1.0, inf), max(-inf, 0.0), abs(-inf))
print(int(1e300) > 0, float("nan") != float("nan"))
