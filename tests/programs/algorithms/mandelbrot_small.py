# An ASCII Mandelbrot set.
def escape(cr, ci, limit):
    zr = 0.0
    zi = 0.0
    for i in range(limit):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return i
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return limit

for y in range(-10, 11):
    line = ""
    for x in range(-30, 11):
        n = escape(x / 15.0, y / 10.0, 50)
        line += "#" if n == 50 else ("+" if n > 10 else ".")
    print(line)
