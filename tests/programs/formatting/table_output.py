# A formatted table of squares and roots.
for i in range(1, 11):
    print(f"{i:3d} {i * i:5d} {i ** 0.5:8.4f} {1 / i:.3e}")
