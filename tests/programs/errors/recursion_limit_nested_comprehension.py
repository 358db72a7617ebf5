# Infinite recursion from inside nested comprehensions: each comprehension frame
# counts toward the limit and appears in the traceback.
def f(n):
    return f(n + 1)
def main():
    ys = [[f(i) for j in range(2)] for i in range(3)]
    print(ys)
main()
