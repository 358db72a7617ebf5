# A format spec built at run time that the value rejects: ValueError, with the
# whole f-string underlined as CPython does.
for width in (8, 2.5):
    print(f"[{2.0 / 3.0:{width}.3f}]")
