# Trees and linked lists made of small lists ([value, left, right] and
# [value, next]) built by a recursive insert called in a loop. The node lists
# pass through code that sees them as values of any type, so they must accept
# nodes and None in their slots.


def insert(t, v):
    if t is None:
        return [v, None, None]
    if v < t[0]:
        t[1] = insert(t[1], v)
    else:
        t[2] = insert(t[2], v)
    return t


def in_order(t, out):
    if t is not None:
        in_order(t[1], out)
        out.append(t[0])
        in_order(t[2], out)


def height(t):
    if t is None:
        return 0
    return 1 + max(height(t[1]), height(t[2]))


root = None
for v in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    root = insert(root, v)
order = []
in_order(root, order)
print(order)
print(height(root))
print(root[1])


def push_back(node, v):
    if node is None:
        return [v, None]
    node[1] = push_back(node[1], v)
    return node


head = None
for v in range(5):
    head = push_back(head, v * v)
print(head)
n = head
total = 0
while n is not None:
    total += n[0]
    n = n[1]
print(total)
