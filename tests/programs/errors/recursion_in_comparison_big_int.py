# The deepest frame compares with a big int: RecursionError 'in comparison', as in
# python3 (small ints are specialised and fail at the next call instead).
def down(n):
    if n == 2 ** 70:
        return 0
    return down(n - 1)
print(down(5000))
