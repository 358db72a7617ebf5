# range(stop), range(start, stop), and loop variables after the loop.
for i in range(4):
    print(i, end=" ")
print()
for i in range(2, 6):
    print(i, end=",")
print()
last = -1
for last in range(100, 110):
    pass
print(last)
for k in range(5, 5):
    print("never")
