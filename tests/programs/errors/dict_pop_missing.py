# pop() of a missing key without a default.
d = {1: "one"}
print(d.pop(1))
print(d.pop(1))
