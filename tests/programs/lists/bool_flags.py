# Lists of bools: a small sieve, slicing, sorting, counting, repr and builtins.
def primes_below(n):
    flags = [True] * n
    flags[0] = False
    flags[1] = False
    for i in range(2, n):
        if flags[i]:
            for j in range(i * i, n, i):
                flags[j] = False
    return [i for i in range(n) if flags[i]], flags


primes, flags = primes_below(60)
print(primes)
print(flags[:10], flags[-3:], flags[::7])
print(sum(flags), any(flags), all(flags[2:4]), max(flags), min(flags))
print(flags.count(True), flags.index(True), True in flags[:2], sorted(flags[:6]))
mask = [x % 3 == 0 for x in range(8)]
mask.append(True)
mask.insert(0, False)
mask.reverse()
print(mask, mask.pop(), mask == [True, False, True], mask + [False], mask * 2 == mask + mask)
del mask[1:3]
print(mask, len(mask), list(mask) is mask, [b for b in mask if b])
grid = [[False] * 3 for _ in range(2)]
grid[1][2] = True
print(grid, grid[1].count(True))
