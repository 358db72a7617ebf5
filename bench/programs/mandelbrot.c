/* Mandelbrot (C version of mandelbrot.py). */
#include <stdio.h>

static long escape(double cr, double ci, long limit) {
    double zr = 0.0, zi = 0.0;
    for (long i = 0; i < limit; i++) {
        double zr2 = zr * zr, zi2 = zi * zi;
        if (zr2 + zi2 > 4.0) return i;
        zi = 2.0 * zr * zi + ci;
        zr = zr2 - zi2 + cr;
    }
    return limit;
}

static long render(long size, long limit) {
    long inside = 0, total = 0;
    for (long y = 0; y < size; y++) {
        double ci = 2.0 * (double)y / (double)size - 1.0;
        for (long x = 0; x < size; x++) {
            double cr = 2.5 * (double)x / (double)size - 2.0;
            long n = escape(cr, ci, limit);
            total += n;
            if (n == limit) inside++;
        }
    }
    return inside * 1000000000L + total;
}

int main(void) {
    printf("%ld\n", render(1000, 100));
    return 0;
}
