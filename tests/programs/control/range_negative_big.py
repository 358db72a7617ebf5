# range with negative steps, empty ranges and bounds beyond the small-int range.
total = 0
for i in range(100, -101, -7):
    total += i
print(total)
count = 0
for i in range(5, 5, -1):
    count += 1
for i in range(-3, 3, -1):
    count += 1
print(count)
big = 2 ** 64
last = 0
for i in range(big, big + 3):
    last = i
print(last)
for i in range(big + 2, big - 1, -2):
    print(i)
