# Comparisons of small and big ints, and chains of them.
big = 10 ** 20
print(1 < 2, 2 < 1, 3 == 3, 3 != 3, 4 >= 4, 4 > 4)
print(big > 2 ** 63, -big < -(2 ** 63), big == 10 ** 20)
print(1 < 2 < 3, 1 < 3 < 2, 0 <= 0 < 1 <= 1)
print(-big < 0 < big, big * 2 > big > 0)
