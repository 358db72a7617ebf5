# A sieve of Eratosthenes over a list of flags, run a few times; prints the number of
# primes and the sum of the last ones found.
def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
        i += 1
    count = 0
    total = 0
    for k in range(n + 1):
        if flags[k]:
            count += 1
            total += k
    return count * 1000000000000 + total % 1000000000000


result = 0
for _ in range(5):
    result = sieve(10000000)
print(result)
