# UnboundLocalError points at the name that was read, wherever it appears: an
# operand, an augmented assignment, a call argument, an index, a condition, a
# return value, or a line of a multi-line expression.
def attempt(kind):
    if kind > 100:
        value = 1
        total = 2
        items = [3]
    if kind == 0:
        return 5 * value + 1
    if kind == 1:
        total += kind
    if kind == 2:
        return abs(
            kind
            + value
        )
    if kind == 3:
        return [0, 1][value]
    if kind == 4:
        while value < 3:
            kind += 1
    if kind == 5:
        return f"{kind}: {items}"
    return value


for k in [101, 102]:
    print(attempt(k))
print(attempt(int("2")))
