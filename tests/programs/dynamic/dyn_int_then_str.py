# A module-level variable rebound from int to str to float inside a loop.
v = 1
for step in range(4):
    print(step, v, repr(v), v * 2)
    if step == 0:
        v = "ab"
    elif step == 1:
        v = 2.5
    else:
        v = [v]
print(v)
