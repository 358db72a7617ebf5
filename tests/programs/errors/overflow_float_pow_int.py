# 2.0 ** 1024 overflows with the errno-style message.
x = 2.0
print(x ** 1023)
print(x ** 1024)
