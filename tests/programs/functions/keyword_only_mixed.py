# Keyword-only parameters with and without defaults, mixed with positional defaults.
def box(width, height=1, *, fill="#", border=False):
    line = fill * width
    if border:
        line = "|" + line + "|"
    return [line] * height


def mix(a, b=2, *, c, d=4):
    return a + b * 10 + c * 100 + d * 1000


print(box(3), box(2, 2, fill="*"), box(1, border=True))
print(mix(1, c=3), mix(1, 5, c=3, d=0), mix(a=9, c=1))
