# Widths and precisions taken from variables.
for width in (6, 8):
    for prec in (1, 3):
        print(f"[{2.0 / 3.0:{width}.{prec}f}]")
