# Indexing through every path: small non-negative indices (checked on the tagged
# word), negative ones, bools, big ints, out of range at both ends, lists of
# bools (byte items), tuples indexed by a variable, and stores through each.
def probe(xs, i):
    return xs[i]


def show(xs, indices):
    out = []
    for i in indices:
        if -len(xs) <= i < len(xs):
            out.append(xs[i])
    return out


nums = [10, 20, 30, 40, 50]
print(show(nums, [0, 1, 4, -1, -5, 5, -6, 2]))
print(nums[True], nums[False], nums[-True])
flags = [True, False, True, True]
print(show(flags, [0, 1, 2, 3, -1, -4, 4, -5]))
t = (7, 8, 9)
for k in range(-3, 3):
    print(k, t[k], probe(t, k))

j = 3
while j >= -5:
    nums[j] = nums[j] + j
    j -= 2
print(nums)
flags[-1] = False
flags[0] = flags[1]
print(flags)

big = 2 ** 40
total = 0
for i in range(len(nums)):
    total += nums[i] * nums[-1 - i]
print(total, big % 7)

try_indices = [4, -5]
for i in try_indices:
    nums[i] += 1
print(nums)

print(probe(nums, 2 ** 62 - 1 - (2 ** 62 - 3)))
print(probe(nums, 2 ** 70))
