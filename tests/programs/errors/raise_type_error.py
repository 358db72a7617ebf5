# raise TypeError explicitly.
def need_int(flag):
    if not flag:
        raise TypeError("expected an int")
    return 1

print(need_int(True))
need_int(False)
