# Comparisons between ints and floats are exact, not through a float conversion.
print(2 ** 53 + 1 == float(2 ** 53), 2 ** 53 == float(2 ** 53))
print(2 ** 53 + 1 > float(2 ** 53), 2 ** 53 + 1 < 2.0 ** 53 + 2)
print(1 == 1.0, 1 < 1.5, 2 > 1.5, -1 < -0.5, 0 == -0.0)
print(10 ** 400 > 1e308, 10 ** 400 < float("inf"), -(10 ** 400) > float("-inf"))
print(3 == 3.0000000000000001, 9007199254740993 == 9007199254740992.0)
nan = float("nan")
print(1 < nan, 1 > nan, 1 == nan, 1 != nan)
