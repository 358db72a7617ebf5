# Floor division and modulo with operands past 64 bits keep Python's signs.
big = 10 ** 30 + 7
print(big // 3, big % 3)
print(-big // 3, -big % 3)
print(big // -3, big % -3)
print(-big // -3, -big % -3)
print(big // (10 ** 15), big % (10 ** 15))
print((-big) // (10 ** 15), (-big) % (10 ** 15))
print(7 // big, -7 // big, 7 % big == 7, -7 % big == big - 7)
