# f-string without a spec uses repr-like shortest digits.
vals = [0.1, 1 / 3, 1e16, 1e-5, -0.0, 2.0 ** 0.5, 100.0]
for v in vals:
    print(f"{v}|{v:.3}|{v:12.5e}")
