/* Float loops (C version of float_loop.py). */
#include <stdio.h>

static double integrate(long steps) {
    double h = 1.0 / (double)steps;
    double total = 0.0;
    for (long i = 0; i < steps; i++) {
        double x = ((double)i + 0.5) * h;
        total += 4.0 / (1.0 + x * x);
    }
    return total * h;
}

static double series(long terms) {
    double total = 0.0, sign = 1.0;
    for (long k = 0; k < terms; k++) {
        total += sign / (2.0 * (double)k + 1.0);
        sign = -sign;
    }
    return total;
}

int main(void) {
    printf("%.17g\n", integrate(32000000));
    printf("%.17g\n", series(32000000));
    return 0;
}
