# Many computed floats printed with repr: thirds, sevenths, powers and roots.
i = 1
while i <= 40:
    print(i / 7, i / 3.0, 1.1 ** i, i ** 0.5, 1.0 / (i * i), i * 0.1)
    i += 1
