# str(), repr() and len() of ints, floats, bools, None and strings.
x = 12345678901234567890123
s = str(x) + "|" + str(-0.0) + "|" + str(True) + "|" + str(None) + "|" + repr("it's") + "|" + repr(1e16)
print(s, len(s), len("héllo"), len(""))
print(repr(str(2.5)), str("abc"), repr('a"b\n'))
def digits(n):
    return len(str(n))
print(digits(2 ** 200), digits(0), digits(-7))
