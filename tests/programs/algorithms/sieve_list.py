# Sieve of Eratosthenes over a list of bools.
n = 10000
flags = [True] * (n + 1)
flags[0] = False
flags[1] = False
i = 2
while i * i <= n:
    if flags[i]:
        for j in range(i * i, n + 1, i):
            flags[j] = False
    i += 1
primes = [k for k in range(n + 1) if flags[k]]
print(len(primes), primes[:10], primes[-3:])
