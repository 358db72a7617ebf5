# while/else where the loop ends by condition, by break, and by return.
def search(limit, target):
    i = 0
    while i < limit:
        if i == target:
            break
        i += 1
    else:
        return -1
    return i

def first_square_above(n):
    k = 0
    while True:
        if k * k > n:
            return k
        k += 1

print(search(10, 3), search(10, 30), search(0, 0))
print(first_square_above(50), first_square_above(0))
