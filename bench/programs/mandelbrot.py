# Mandelbrot: escape-time iteration over a grid; prints how many points stay bounded
# and the sum of the escape counts.
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


def render(size, limit):
    inside = 0
    total = 0
    for y in range(size):
        ci = 2.0 * y / size - 1.0
        for x in range(size):
            cr = 2.5 * x / size - 2.0
            n = escape(cr, ci, limit)
            total += n
            if n == limit:
                inside += 1
    return inside * 1000000000 + total


print(render(1000, 100))
