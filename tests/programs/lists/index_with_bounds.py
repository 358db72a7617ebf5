# list.index(x, start[, stop]) with bounds that are negative, past the ends, or
# bools; str.join() of a str.
xs = [1, 2, 3, 1, 2, 3]
print(xs.index(1, 1), xs.index(3, -2), xs.index(2, 0, 2), xs.index(3, 3, 100))
print(xs.index(1, -100), xs.index(3, 2, -1), xs.index(1, 2**70 - 2**70))
words = ["a", "b", "a"]
print(words.index("a", 1), words.index("b", True))
flags = [True, False, True]
print(flags.index(True, 1), [0.5, 1.5, 0.5].index(0.5, 1))
print("-".join("xyz"), "".join(""), ", ".join("héllo"))
