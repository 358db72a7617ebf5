# Small helpers returning a float or a bool are inlined into the loop that calls
# them; their failure must still leave the loop with the right traceback.
def inverse(x):
    return 1.0 / x


def is_small(x):
    return 1 / x < 0.5


total = 0.0
count = 0
for k in range(5, -3, -1):
    if is_small(k):
        count += 1
    total += inverse(k)
    print(k, round(total, 6), count)
