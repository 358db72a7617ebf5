# extend, len and building with a while loop.
xs = [1]
while len(xs) < 10:
    xs.append(xs[-1] * 2)
print(xs)
xs.extend([0, 0])
print(len(xs), xs[-3:])
