# A backslash before a replacement field is kept (not an escape).
x = 5
print(f"\{x}", f"a\\{x}", f"\n{x}", f"\\\{x}")
