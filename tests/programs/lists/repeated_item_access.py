# The same item read and then written (xs[i] = xs[i] + ...) is bounds-checked once,
# unless something in between may move or resize the list, or rebind the list or
# the index: each case below must see the list as it is at the second access.
def bump(xs, i):
    xs[i] = xs[i] + 1
    if xs[i] > 2:
        xs[i] = 0
    return xs


def shrink(xs):
    xs.pop()
    return len(xs)


print(bump([1, 2, 3], 1), bump([1, 2, 3], -1), bump([3, 3], 0))

# A call that shrinks the list between the read and the write.
xs = [5, 6, 7]
i = 2
v = xs[i]
n = shrink(xs)
try_ok = i < n
print(v, n, try_ok, xs)

# Rebinding the list between the accesses.
a = [1, 2, 3]
b = [10, 20, 30]
t = a[1]
a = b
a[1] = t
print(a, b)

# Rebinding the index.
c = [0, 0, 0, 0]
k = 1
c[k] = c[k] + 5
k = k + 1
c[k] = c[k] + 7
print(c)

# A copy of the list variable, then the variable rebound: the copy keeps the old list.
d = [1, 1, 1]
alias = d
first = alias[0]
d = [9, 9, 9]
alias[0] = first + 1
d[0] = d[0] + 1
print(alias, d)

# Growing the list in place between read and write (its items may move).
e = [1, 2]
x = e[0]
e += [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]
e[0] = x + 100
e.append(21)
e[1] = e[1] * 2
print(e)

# In a loop whose counter overflows into a big int between the accesses.
f = [0, 0, 0]
big = 2 ** 62 - 3
for step in range(6):
    j = step % 3
    f[j] = f[j] + 1
    big += 1
    f[j] = f[j] + big % 5
print(f, big)

def local_cases():
    # The same cases on local variables.
    a = [1, 2, 3]
    b = [10, 20, 30]
    t = a[1]
    a = b
    a[1] = t
    d = [1, 1, 1]
    alias = d
    first = alias[0]
    d = [9, 9, 9]
    alias[0] = first + 1
    d[0] = d[0] + 1
    e = [1, 2]
    x = e[0]
    e += [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]
    e[0] = x + 100
    e.extend([21])
    e[1] = e[1] * 2
    k = 0
    while k < 3:
        if e[k] > 50:
            e[k] = e[k] - 50
        else:
            e[k] = -e[k]
        k += 1
    return a, b, alias, d, e


print(local_cases())


# Growing a `list | None` in place while an alias of it holds a checked item.
def grow(flag):
    xs = [1, 2] if flag else None
    ys = [0]
    if flag:
        ys = xs
    first = ys[0]
    xs += [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]
    ys[0] = first + ys[0]
    return xs, ys


print(grow(True))

# Deleting an item between the accesses: the second one is out of range.
g = [4, 5, 6]
h = g[2]
del g[0]
g[2] = h
