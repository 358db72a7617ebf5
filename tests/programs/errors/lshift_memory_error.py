# A left shift too large to allocate is MemoryError (krait refuses results past
# 2**36 bits before asking GMP, which would abort the process).
print(3 << 100)
print(3 << 2**45)
