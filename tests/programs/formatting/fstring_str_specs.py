# Format specs for strings.
s = "héllo"
print(f"[{s:10}] [{s:>10}] [{s:^10}] [{s:-<9}] [{s:.3}] [{s:>8.2}]")
print(f"[{s!r}] [{'a':3}] [{'':>2}]")
