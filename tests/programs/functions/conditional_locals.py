# Locals assigned on one branch only, of every representation (int, str, float,
# bool, list, tuple, dyn, optional): read after the branch they hold the value, and
# read when the branch was not taken they raise UnboundLocalError at the name.
def pick(flag):
    if flag:
        n = 3
        s = "s"
        f = 1.5
        b = True
        xs = [1, 2]
        t = (1, "a")
        d = 1 if flag > 1 else "d"
        o = None if flag > 2 else [flag]
        mixed = [1, "a"]
    return n, s, f, b, xs, t, d, o, mixed


print(pick(1))
print(pick(2))
print(pick(3))


def only_list(flag):
    if flag:
        value = [flag]
    return value


print(only_list(5))
print(only_list(0))
