# A function sees only the locals that hold a value when it fails.
def f(flag):
    if flag:
        total = 1
    return totl

print(f(False))
