# Functions returning tuples, unpacked by the caller.
def divmod_pair(a, b):
    return a // b, a % b

def min_max(a, b, c):
    lo = a
    hi = a
    if b < lo:
        lo = b
    if c < lo:
        lo = c
    if b > hi:
        hi = b
    if c > hi:
        hi = c
    return lo, hi

q, r = divmod_pair(47, 5)
print(q, r)
lo, hi = min_max(3, -2, 9)
print(lo, hi)
print(divmod_pair(-47, 5))
