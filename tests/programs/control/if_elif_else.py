# if / elif / else chains.
def classify(n):
    if n < 0:
        return -1
    elif n == 0:
        return 0
    elif n < 10:
        return 1
    else:
        return 2

for n in (-5, 0, 3, 9, 10, 1000):
    print(n, classify(n))
x = 7
if x > 5:
    print("big")
if x > 100:
    print("huge")
else:
    print("not huge")
