# while ... else runs the else block unless the loop breaks.
def find(limit, target):
    i = 0
    while i < limit:
        if i * i == target:
            print("found", i)
            break
        i += 1
    else:
        print("not found below", limit)

find(10, 49)
find(10, 50)
find(0, 0)
n = 3
while n > 0:
    n -= 1
else:
    print("done", n)
