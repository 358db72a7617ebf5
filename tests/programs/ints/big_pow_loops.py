# Powers of two and three built by repeated multiplication, checked against **.
p = 1
q = 1
for i in range(130):
    p = p * 2
    q = q * 3
print(p, q)
print(p == 2 ** 130, q == 3 ** 130, p % 1000003, q // p)
print(-p // 3, -p % 3, q % -7)
