# An error inside a generator expression consumed by sum(): the <genexpr> frame, with the call underlined in the caller.
xs = [1, 0]
print(sum(1 // x for x in xs))
