# return from inside loops.
def first_multiple(n, k):
    i = 1
    while True:
        if (i * n) % k == 0:
            return i * n
        i += 1

def index_of_square(limit, target):
    for i in range(limit):
        if i * i == target:
            return i
    return -1

print(first_multiple(6, 4), first_multiple(7, 5))
print(index_of_square(100, 81), index_of_square(100, 80))
