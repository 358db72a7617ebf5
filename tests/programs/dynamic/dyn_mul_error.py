# str * float raises TypeError.
vals = ["ab", 2.0]
print(vals[0] * 2)
print(vals[0] * vals[1])
