# Converting mixed values with str(), repr(), int(), float(), and joining them.
vals = [3, 2.5, "7", True, None, -0.0, 10**25]
print(", ".join(str(v) for v in vals))
print([repr(v) for v in vals])
print(int(vals[0]) + int(vals[2]) + int(vals[3]), float(vals[1]) + float(vals[2]))
print(int(vals[4]))
