# A starred target with fewer items than the other targets.
head, *body, tail = [1, 2]
print(head, body, tail)
u, *v, w = [1]
print(u, v, w)
