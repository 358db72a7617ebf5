# Comparison chains mixing ints, floats, bools and big ints.
a = 1
b = 2.5
c = 10 ** 20
print(a < b < c, c > b > a, a <= 1.0 <= True, 0 < a != 2 < b)
print(a == 1.0 == True, 3 > b >= 2.5 > 2, -c < a < c)
x = 5
print(1 < x < 10, 10 < x < 1, x == 5 == 5.0, x < 6 > 2)
