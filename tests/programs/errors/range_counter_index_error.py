# A range() counter past the end of the list: IndexError, caret under the subscript.
xs = [1, 2, 3]
for i in range(-3, 5):
    xs[i] = xs[i] * 2
print(xs)
