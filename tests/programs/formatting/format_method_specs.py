# str.format with a constant template: automatic, numbered and named fields, conversions, specs.
name = "krait"
n = 3
x = 2.0 / 3
print("{} has {} items".format(name, n))
print("{0:>8}|{1:.3f}|{0!r}".format(name, x))
print("{n:03d} {x:e} {{literal}}".format(n=n, x=x))
print("[{:^9}] [{:<4}] [{:+}]".format("mid", 7, -2.5))
rows = [("a", 1.5), ("bb", 22.25)]
for label, v in rows:
    print("{:<4}{:>8.2f}".format(label, v))
print("{}".format([1, 2]), "{}".format((1, "x")), "{}".format(None), "{}".format(True))
