# Buffered stdout is flushed before the traceback.
for i in range(2000):
    print(i, i * i)
x = [1, 2]
print(x[5])
