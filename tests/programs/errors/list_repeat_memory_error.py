# A list repeated past what memory can hold: MemoryError and nothing else on
# stderr (the collector's own warnings stay quiet).
xs = [1, "a"]
print(len(xs * 3))
print(len(xs * 2 ** 40))
