# sum over ranges, lists and floats.
print(sum(range(101)), sum(range(10 ** 6)), sum([0.1] * 10), sum([1, 2.5]))
print(sum([10 ** 20, 10 ** 20]), sum(range(0)), sum([], 0.0))
