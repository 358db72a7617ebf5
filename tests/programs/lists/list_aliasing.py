# Two names for one list see the same changes.
a = [1, 2, 3]
b = a
b.append(4)
a[0] = 100
print(a, b, a is b)
def grow(lst):
    lst.append(len(lst))
grow(a)
print(b)
