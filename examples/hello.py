"""An example krait compiles to native code: exact ints, floats, recursion, loops."""


def fib(n: int) -> int:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def collatz_steps(n: int) -> int:
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def harmonic(n: int) -> float:
    total = 0.0
    for k in range(1, n + 1):
        total += 1 / k
    return total


print("fib(100) =", fib(100))
print("2 ** 100 =", 2**100)
print("collatz steps of 27:", collatz_steps(27))
print("harmonic(1000) =", harmonic(1000))
print("0.1 + 0.2 =", 0.1 + 0.2)
