# Sums of multiples and of even Fibonacci numbers.
total = 0
for i in range(1000):
    if i % 3 == 0 or i % 5 == 0:
        total += i
print(total)
a, b = 1, 2
even = 0
while a < 4000000:
    if a % 2 == 0:
        even += a
    a, b = b, a + b
print(even)
