# % formatting with templates known only at run time (a parameter): every
# conversion type, flags, widths and precisions (also from * values), values of
# every scalar type, a list as the single value.
def f(fmt: str, v):
    return fmt % v

print(f("%d-%s", (1, "a")), f("%05.1f|%r", (1, "a")))
print(f("[%5s][%-5s][%.2s][%5.1s]", ("ab", "cd", "xyz", "hello")))
print(f("[%d][%i][%u][%+d][% d][%05d][%-5d|][%.3d][%8.3d][%-+8.3d]", (5, -5, 7, 3, 3, -42, 9, 7, -7, 12)))
print(f("[%x][%X][%#x][%#X][%o][%#o][%#08x][%-#8x|]", (255, 255, 255, 255, 8, 8, 255, 255)))
print(f("[%e][%E][%f][%F][%g][%G][%.3e][%10.2f][%-10.2f][%+.1f][%010.3f][%#g][%#.0f]", (12345.678, 0.000123, 3.14159, -2.5, 1e-5, 1e20, 12345.678, 3.14159, 3.14159, 2.0, -3.14159, 2.0, 3.0)))
print(f("%s and %r and %a", ("é", "é", "é\U0001F600")))
print(f("%c%c%c", (72, "i", 0x1F600)))
print(f("%d%%", 50), f("%s", (1, 2) if False else [1, 2]), f("%s", ((1, 2),)))
print(f("%*d|%-*d|%.*f", (5, 42, 4, 7, 2, 3.14159)))
print(f("%d %d", (True, 2.9)), f("%x", True), f("%f", 3), f("%s", None))
print(f("%d", 2**70), f("%x", -(2**70)), f("%.3f", float("inf")), f("%5s|", float("nan")))
print(f("no conversions", ()), f("%ld %hd %Lf", (1, 2, 3.5)))
