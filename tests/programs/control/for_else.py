# for ... else: prime test by trial division.
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for i in range(0):
    print("never")
else:
    print("empty loop else")
