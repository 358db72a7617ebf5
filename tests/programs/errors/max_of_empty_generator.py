# max() of a generator expression with no items: ValueError at the call.
def largest(xs):
    return max(x * 2 for x in xs if x > 10)


print(largest([12, 3]))
print(largest([1, 2, 3]))
