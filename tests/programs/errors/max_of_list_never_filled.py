# max() of a list that nothing ever fills: its items have no type at all, and the
# call raises ValueError as python3 does (no value of the result is ever made).
def biggest(xs: list[int]) -> int:
    return max(xs) if xs else -1


print(biggest([3, 9, 2]))
empty = []
print(len(empty), sorted(empty), sum(empty))
print(max(empty))
