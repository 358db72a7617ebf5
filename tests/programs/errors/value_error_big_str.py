# Printing an int of more than 4300 digits is refused.
n = 10 ** 4299
print(n % 1000)
m = n * 10
print(m % 1000)
print(m)
