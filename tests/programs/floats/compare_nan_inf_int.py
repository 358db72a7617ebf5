# Ints compared with nan and infinities, including huge ints.
nan = float("nan")
inf = float("inf")
big = 10 ** 400
print(1 < nan, 1 > nan, 1 == nan, 1 != nan, big < nan, big == nan)
print(big < inf, -big > -inf, big == inf, 0 < inf, 0 > -inf)
print(2 ** 1024 > 1.7976931348623157e308, 2 ** 1023 < 1.7976931348623157e308)
