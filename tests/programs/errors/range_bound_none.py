# A range() bound that is not an int fails the call: CPython's caret is under the
# whole call, in a for loop, in `in` and in len() alike.
level = None if len("ab") > 1 else 3
count = 3 if level is None else 0
print(3 in range(1, count), len(range(count)))
for i, x in enumerate([7, 8], count):
    print(i, x)
for i in range(
        2,
        level):
    print(i)
