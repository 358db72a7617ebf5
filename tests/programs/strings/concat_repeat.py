# + and * on strings.
a = "ab"
b = "cd"
print(a + b, a * 3, 3 * b, a * 0, a * -1)
s = ""
for i in range(5):
    s = s + str(i)
print(s, len(s))
print("-" * 20)
