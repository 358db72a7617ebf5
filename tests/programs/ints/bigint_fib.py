# Iterative Fibonacci far beyond 64 bits.
def fib(n):
    a = 0
    b = 1
    for _ in range(n):
        a, b = b, a + b
    return a

print(fib(90))
print(fib(92), fib(93))
print(fib(200))
print(fib(300) - fib(299) == fib(298))
