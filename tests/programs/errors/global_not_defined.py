# A global read before any assignment to it has run.
def show():
    return counter + 1

print("before")
print(show())
counter = 5
