# % by zero.
x = 5
y = 0
print("before")
print(x % y)
