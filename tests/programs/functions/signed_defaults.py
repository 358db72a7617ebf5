# Parameter defaults written with a sign are constants too: -1, +2, -0.0, -True,
# and ints past 64 bits either way.
def find(xs, x, missing=-1):
    for i in range(len(xs)):
        if xs[i] == x:
            return i
    return missing


def scale(v, by=+2, shift=-0.5, flag=-True):
    return v * by + shift + flag


def edges(low=-9223372036854775808, high=-(-9223372036854775808), huge=-18446744073709551616):
    return low, high, huge


def zero(z=-0.0, k=-(-3)):
    return z, k


print(find([3, 4], 4), find([3, 4], 5), find([3], 9, missing=-7))
print(scale(1), scale(2.0, by=-3))
print(zero(), edges(), edges(huge=1)[2])
