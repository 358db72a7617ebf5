# break and continue in nested loops affect only the innermost loop.
total = 0
for i in range(10):
    if i % 2 == 0:
        continue
    for j in range(10):
        if j > i:
            break
        if j == 3:
            continue
        total += i * j
print(total)
i = 0
while True:
    i += 1
    if i < 5:
        continue
    if i >= 8:
        break
    print(i)
