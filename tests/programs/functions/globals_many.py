# Several globals of different types updated by functions.
count = 0
total = 0.0
flag = False
name = "start"

def step(x):
    global count, total, flag
    count += 1
    total += x
    flag = total > 10.0

def rename():
    global name
    name = "end"

i = 0
while i < 8:
    step(i * 0.75)
    i += 1
rename()
print(count, total, flag, name)
