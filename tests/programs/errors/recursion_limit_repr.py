# repr() takes two levels (the call and the repr itself): it fails in the 999th
# frame, "while getting the repr of an object"; '%d' % n takes none.
def show(n, acc):
    acc = acc + len('%d' % n)
    acc = acc + len(repr(n))
    return show(n + 1, acc)


show(0, 0)
