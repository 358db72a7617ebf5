# Functions reading and writing module globals.
counter = 0
step = 3

def bump():
    global counter
    counter += step

def read():
    return counter * 2

for _ in range(5):
    bump()
print(counter, read())
step = 10
bump()
print(counter, read())
