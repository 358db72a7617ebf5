# An int just below 2**1024 that rounds up to it cannot become a float.
ok = 2 ** 1024 - 2 ** 971
print(float(ok))
print(float(ok + 2 ** 970))
