# A string too large for the machine's memory (a terabyte) is Python's MemoryError,
# not an abort: the allocation is tried and its failure raised.
pads = "ab".center(7, "*")
print(pads)
huge = pads * (10 ** 12 // 7)
print(len(huge))
