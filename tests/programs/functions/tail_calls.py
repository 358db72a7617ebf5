# Self tail calls: krait runs `return f(args)` and `return x + f(args)` as loops in
# which every iteration is still a frame. Results, argument rebinding (an argument
# that reads another parameter), defaults, keywords, big sums and None results must
# be exactly python3's.
def total(n):
    if n == 0:
        return 0
    return n + total(n - 1)


def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def summed(n, acc=0):
    if n == 0:
        return acc
    return summed(n - 1, acc=acc + n)


def powers(k):
    if k == 0:
        return 1
    return 2 ** 62 + powers(k - 1)


def negatives(n):
    if n <= -5:
        return n * 3
    return -(2 ** 61) + negatives(n - 1)


def find(xs, i, x):
    if i == len(xs):
        return None
    if xs[i] == x:
        return i
    return find(xs, i + 1, x)


def last_char(s, i):
    if i == len(s) - 1:
        return s[i]
    return last_char(s, i + 1)


def count_true(n):
    if n == 0:
        return 0
    return (n % 3 == 0) + count_true(n - 1)


def digits(n, seen):
    if n < 10:
        seen.append(n)
        return len(seen)
    seen.append(n % 10)
    return digits(n // 10, seen)


def loop_inside(n):
    if n <= 0:
        return 0
    i = 0
    s = 0
    while i < n:
        s += i
        i += 1
    return s + loop_inside(n - 3)


def halve(x):
    if x < 1.0:
        return x
    return halve(x / 2)


print(total(0), total(1), total(500), total(990))
print(gcd(1071, 462), gcd(462, 1071), gcd(2 ** 80, 6 ** 40), gcd(7, 0))
print([fib(k) for k in range(20)], fib(25))
print(summed(100), summed(10, 5), summed(0, -3))
print(powers(0), powers(1), powers(5))
print(negatives(0), negatives(-5), negatives(10))
print(find([3, 1, 4, 1, 5], 0, 4), find([3, 1, 4], 0, 9), find([], 0, 1))
print(last_char("krait", 0), last_char("é∑x", 1))
print(count_true(30), count_true(0))
print(digits(9081726354, []), digits(7, []))
print(loop_inside(10), loop_inside(31))
print(halve(1000.0), halve(0.5))
