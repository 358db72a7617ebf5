# Unary minus on a str in a mixed list raises TypeError.
for v in [3, -2.5, True, "s"]:
    print(-v, abs(v))
