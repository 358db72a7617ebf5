# Stores into a list reached through an item of a list of mixed types: the inner
# list may receive values of any type.


def enqueue(q, v):
    node = [v, None]
    if q[0] is None:
        q[0] = node
        q[1] = node
    else:
        q[1][1] = node
        q[1] = node
    q[2] += 1


queue = [None, None, 0]
for v in [1, 2, 3]:
    enqueue(queue, v)
print(queue[0], queue[2])


def put(holder, v):
    holder[0][0] = v


h = [[1, 2], 0]
put(h, 2.5)
put(h, "text")
put(h, None)
print(h)
h[0] += [(1, 2)]
print(h)
