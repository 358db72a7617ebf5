# Fast loop copies also assume that int variables the loop never assigns are below
# 2**61 in magnitude (checked once on entry): loops whose invariant bounds sit on
# either side of that line, and of the small-int line 2**62, must give exact results.
def count_down_to(start, floor):
    c = start
    steps = 0
    while c >= floor:
        steps += 1
        c -= 1
    return c, steps


def gaps(start, floor, stride):
    c = start
    out = []
    while c >= floor:
        out.append(c - floor)
        out.append(c + stride)
        c -= stride
    return out


def step_up(start, limit, step):
    i = start
    total = 0
    while i < limit:
        total += i - step
        i += step
    return i, total


M = 2 ** 61
S = 2 ** 62
for floor in (-M + 1, -M, -M - 1, -S + 1, -S, -S - 1, M - 2, M, S - 1):
    print(count_down_to(floor + 3, floor))
    print(gaps(floor + 5, floor, 2))
for limit in (M - 1, M, M + 1, S - 1, S, S + 1):
    print(step_up(limit - 7, limit, 3))
    print(step_up(-limit, -limit + 6, 2))
print(gaps(10, -3, 4), step_up(0, 10, 3))
