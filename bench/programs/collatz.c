/* Integer while loops (C version of collatz.py). */
#include <stdio.h>

static long chain(long n) {
    long steps = 0;
    while (n != 1) {
        if (n % 2 == 0) n = n / 2;
        else n = 3 * n + 1;
        steps++;
    }
    return steps;
}

static long longest(long limit) {
    long best = 0, best_start = 1;
    for (long start = 1; start < limit; start++) {
        long s = chain(start);
        if (s > best) {
            best = s;
            best_start = start;
        }
    }
    return best_start * 1000 + best;
}

int main(void) {
    printf("%ld\n", longest(800000));
    return 0;
}
