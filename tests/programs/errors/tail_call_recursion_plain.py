# A plain self tail call (`return f(...)`) that never stops: RecursionError, with
# the frame count and traceback python3 gives.
def spin(a, b):
    return spin(b, a + b)


spin(0, 1)
