# Dyn ints below 2^30 compared in a test: CPython's specialised path makes no
# recursion check, so the limit is hit at the call, not in the comparison.
def down(n):
    if n == -1:
        return 0
    return down(n - 1) + 1


for k in ("x", 5, 2000):
    print(k, down(k) if k != "x" else k)
