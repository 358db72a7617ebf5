# A sum recursion run as a loop whose base case returns a local only some frames
# assign: UnboundLocalError with the caret under the name, frames as in python3.
def g(n, flag):
    if flag:
        x = n
    if n == 0:
        return x
    return 1 + g(n - 1, n == 3)


print(g(3, True))
print(g(5, False))
