# Item assignment through a dyn value or index, abs() and format specs of dyn values.
def pick(flag):
    if flag:
        return [1, 2, 3]
    return "abc"
v = pick(True)
v[0] = 7
print(v, abs(pick(True)[1] - 5), abs(-2.5 if v else 1))
xs = [1.5, 2.5]
i = 1 if v else "a"
xs[i] = 9.5
print(xs)
for w in [3, 2.5, "s", None, True]:
    print(f"[{w:>6}]" if w is not None else "none")
