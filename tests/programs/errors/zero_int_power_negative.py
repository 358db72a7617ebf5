# 0 to a negative int power.
n = -2
print(0 ** n)
