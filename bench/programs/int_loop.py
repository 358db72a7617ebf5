# Integer loops: nested ranges with mixed arithmetic and bit operations.
def checksum(n, m):
    total = 0
    for i in range(n):
        for j in range(m):
            total += ((i * j) ^ (i + j)) % 1009
        total = total % 1000000007
    return total


print(checksum(40000, 1500))
