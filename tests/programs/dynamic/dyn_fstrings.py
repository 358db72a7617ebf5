# f-strings of values whose type changes at run time, with conversions and specs.
for v in [7, -2.5, "hi", None, True, [1, "a"], (2,), 10**20]:
    print(f"<{v}> <{v!r}> <{v!s}> <{str(v)}>")
for v in [42, 3.14159, "pad"]:
    print(f"[{v:>8}] [{v:<8}] [{v:^8}]")
