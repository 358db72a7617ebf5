# A left shift whose result would need more 30-bit digits than CPython can count
# is OverflowError, as in python3 (smaller huge shifts are MemoryError).
print(0 << 2**70, 5 >> 2**70, -5 >> 2**70)
print(-1 << 2**70)
