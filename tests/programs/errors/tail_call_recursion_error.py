# A sum recursion that krait runs as a loop still raises RecursionError at the
# frame python3 does, with python3's traceback (repeated frames collapsed).
def total(n):
    if n == 0:
        return 0
    return n + total(n - 1)


print(total(900))
print(total(5000))
