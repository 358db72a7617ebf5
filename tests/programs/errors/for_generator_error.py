# An error inside a generator expression a for loop is pulling from: the
# <genexpr> entry comes after the loop's, which has no carets.
def scaled(xs):
    for v in (100 // x
              for x in xs):
        print(v)


scaled([5, 4, 0, 2])
