# `is` between a mixed-type (dyn) value and a typed one: a list, tuple, str or big
# int read out of a mixed list is the same object as the typed variable it came
# from.
x = [1]
t = (1, "a")
s = "hello" + str(len(x))
big = 2 ** 70
y = [x, 2, t, s, big, None, 0.5]
print(y[0] is x, x is not y[0], y[0] is y[0], y[1] is x)
print(y[2] is t, t is y[2], y[3] is s, y[4] is big, y[5] is None)
print([1] is y[0], y[0] == [1], y[6] is y[6])
