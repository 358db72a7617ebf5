# not binds looser than comparisons.
a = 3
print(not a == 3, not a > 5, (not a) == False)
print(not not a, not (a and 0))
flag = False
count = 0
while not flag:
    count += 1
    flag = count >= 4
print(count)
