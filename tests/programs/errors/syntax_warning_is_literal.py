# Identity tests against literals: python3 prints a SyntaxWarning for each when it compiles the program (a while condition's twice), on every run.
x = 5
if x is 0:
    pass
while x is not 5:
    pass
print(x is "a", x is None, x is (), x is (1, 2), x is -1, x is [1])
y = [v for v in [1] if v is 1]
assert x is not 1.5
