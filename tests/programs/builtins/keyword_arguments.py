# Builtins called with their parameters' names: sum(start=), int(base=),
# round(number=, ndigits=), pow(base=, exp=, mod=).
print(sum([1, 2], start=10), sum([0.5], start=1))
print(int("ff", base=16), int("0o17", base=0), int("z", base=36))
print(round(2.675, ndigits=2), round(number=7.5), round(1234, ndigits=-2))
print(pow(2, exp=10), pow(base=3, exp=4, mod=5), pow(2.0, exp=0.5))
