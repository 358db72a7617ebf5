# A format spec applied to None (or a list, or an int | None that is None): TypeError, as object.__format__.
def f(e):
    if e:
        return None
    return 5
for e in (0, 1):
    v = f(e)
    print(f"[{v}] [{v!r}] [{v:}]")
    print(f"[{v:>6}]")
