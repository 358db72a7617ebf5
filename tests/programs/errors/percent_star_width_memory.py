# A '*' width is a C ssize_t (a precision a C int): 2**40 columns of padding is a
# MemoryError (the room is asked for at once), not an OverflowError or an abort.
print("[%*d]" % (5, 42), "[%-*d]" % (4, 7), "[%.*f]" % (2, 3.14159))
print("%*d" % (2 ** 40, 1))
