# Multiplication table with nested for loops.
for i in range(1, 6):
    line = ""
    for j in range(1, 6):
        line = line + str(i * j) + " "
    print(line)
count = 0
for a in range(20):
    for b in range(a, 20):
        for c in range(b, 20):
            if a * a + b * b == c * c and a > 0:
                count += 1
print(count)
