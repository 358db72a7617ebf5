# *args and **kwargs.
def total(*args, **kwargs):
    s = 0
    for a in args:
        s += a
    for k in sorted(kwargs):
        s += kwargs[k]
    return s

print(total(1, 2, 3), total(x=10, y=20), total(1, z=5))
nums = [4, 5, 6]
print(total(*nums))
