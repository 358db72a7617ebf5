# assert with a message.
def check(n):
    assert n > 0, "n must be positive"
    return n

print(check(3))
check(-1)
