# Globals updated with += inside functions (ints, floats, strs) and then used in
# expressions, displays and other functions.
count = 0
total = 0.0
log = ""


def record(x):
    global count, total, log
    count += 1
    total += x
    log += str(x) + ";"


def snapshot():
    return [count, total], (count, 1), {"n": count}


for v in [1.5, 2.5, 4.0]:
    record(v)
print(count + 1, total * 2, log + "end", snapshot())
print(len(log), log.split(";"))
