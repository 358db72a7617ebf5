/* Integer loops (C version of int_loop.py). Python's % and // agree with C's on
   non-negative operands, which is all this program uses. */
#include <stdio.h>

static long checksum(long n, long m) {
    long total = 0;
    for (long i = 0; i < n; i++) {
        for (long j = 0; j < m; j++) {
            total += ((i * j) ^ (i + j)) % 1009;
        }
        total = total % 1000000007;
    }
    return total;
}

int main(void) {
    printf("%ld\n", checksum(40000, 1500));
    return 0;
}
