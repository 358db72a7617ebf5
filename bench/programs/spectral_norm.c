/* Spectral norm (C version of spectral_norm.py); `**` is libm's pow, as in Python. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static double entry(long i, long j) {
    return 1.0 / (double)((i + j) * (i + j + 1) / 2 + i + 1);
}

static void times(const double *v, long n, double *out) {
    for (long i = 0; i < n; i++) {
        double s = 0.0;
        for (long j = 0; j < n; j++) s += entry(i, j) * v[j];
        out[i] = s;
    }
}

static void times_transposed(const double *v, long n, double *out) {
    for (long i = 0; i < n; i++) {
        double s = 0.0;
        for (long j = 0; j < n; j++) s += entry(j, i) * v[j];
        out[i] = s;
    }
}

static double spectral_norm(long n) {
    double *u = malloc((size_t)n * sizeof *u);
    double *v = malloc((size_t)n * sizeof *v);
    double *tmp = malloc((size_t)n * sizeof *tmp);
    if (!u || !v || !tmp) return -1.0;
    for (long i = 0; i < n; i++) {
        u[i] = 1.0;
        v[i] = 0.0;
        tmp[i] = 0.0;
    }
    for (int r = 0; r < 10; r++) {
        times(u, n, tmp);
        times_transposed(tmp, n, v);
        times(v, n, tmp);
        times_transposed(tmp, n, u);
    }
    double vbv = 0.0, vv = 0.0;
    for (long i = 0; i < n; i++) {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    free(u);
    free(v);
    free(tmp);
    return pow(vbv / vv, 0.5);
}

int main(void) {
    printf("%.17g\n", spectral_norm(1000));
    return 0;
}
