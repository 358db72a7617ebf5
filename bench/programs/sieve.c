/* A sieve of Eratosthenes (C version of sieve.py). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

static long sieve(long n) {
    bool *flags = malloc((size_t)(n + 1) * sizeof *flags);
    if (!flags) return -1;
    for (long k = 0; k <= n; k++) flags[k] = true;
    flags[0] = false;
    flags[1] = false;
    for (long i = 2; i * i <= n; i++) {
        if (flags[i]) {
            for (long j = i * i; j <= n; j += i) flags[j] = false;
        }
    }
    long count = 0, total = 0;
    for (long k = 0; k <= n; k++) {
        if (flags[k]) {
            count++;
            total += k;
        }
    }
    free(flags);
    return count * 1000000000000L + total % 1000000000000L;
}

int main(void) {
    long result = 0;
    for (int r = 0; r < 5; r++) result = sieve(10000000);
    printf("%ld\n", result);
    return 0;
}
