/* List-heavy loops: 0/1 knapsack (C version of knapsack.py). */
#include <stdio.h>
#include <stdlib.h>

static long knapsack(long items, long capacity) {
    long seed = 42;
    long *weights = malloc((size_t)items * sizeof *weights);
    long *values = malloc((size_t)items * sizeof *values);
    long *best = calloc((size_t)(capacity + 1), sizeof *best);
    if (!weights || !values || !best) return -1;
    for (long i = 0; i < items; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648L;
        weights[i] = seed % 97 + 3;
        seed = (seed * 1103515245 + 12345) % 2147483648L;
        values[i] = seed % 1000;
    }
    for (long i = 0; i < items; i++) {
        long w = weights[i], v = values[i];
        for (long c = capacity; c >= w; c--) {
            long candidate = best[c - w] + v;
            if (candidate > best[c]) best[c] = candidate;
        }
    }
    long result = best[capacity];
    free(weights);
    free(values);
    free(best);
    return result;
}

int main(void) {
    printf("%ld\n", knapsack(4000, 20000));
    return 0;
}
