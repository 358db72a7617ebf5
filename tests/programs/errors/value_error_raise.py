# raise ValueError with a message from a nested call.
def check(n):
    if n < 0:
        raise ValueError("negative input: must be at least 0")
    return n * 2

def outer(n):
    return check(n) + 1

print(outer(4))
print(outer(-4))
