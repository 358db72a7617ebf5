"""A small program krait checks today and will compile natively next."""


def fib(n: int) -> int:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def main() -> None:
    squares = [i * i for i in range(10)]
    print(f"fib(90) = {fib(90)}, squares = {squares}")


if __name__ == "__main__":
    main()
