# In the deepest frame the limit allows, a builtin that CPython calls through its
# generic C path (abs, math.sqrt, str methods...) raises RecursionError before it
# runs; len() and sum() take no level and run.
import math


def deep(n, total):
    total += len("ab") + sum([n, 1])
    total += abs(-n) + int(math.sqrt(n))
    return deep(n + 1, total)


deep(0, 0)
