# Indexing, slicing, len() and iteration of values whose type is only known at
# run time.
def pick(flag):
    if flag == 0:
        return [10, 20, 30]
    if flag == 1:
        return "abc"
    return (1.5, "x", None)


for flag in range(3):
    v = pick(flag)
    print(len(v), v[0], v[-1], v[1:], v[::-1])
    for item in v:
        print(item, end=";")
    print()
    print(f"{v} {v!r} {len(v)}")
