# raise RuntimeError from a loop.
for i in range(10):
    print(i)
    if i == 4:
        raise RuntimeError("stopped at four")
