# Values that switch between small ints, big ints and floats.
vals = [1, 2**64, -2**70, 0.5, 2**63 - 1]
prod = 1
for v in vals:
    prod = prod * v
    print(prod)
print(vals[1] + vals[2], vals[1] // 3, vals[4] + 1, vals[1] > vals[3])
