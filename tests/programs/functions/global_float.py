# A float global updated from a function.
total = 0.0

def add(x):
    global total
    total = total + x

for i in range(10):
    add(i * 0.1)
print(total)
