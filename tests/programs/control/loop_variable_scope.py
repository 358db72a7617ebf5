# Loop variables are ordinary locals that outlive the loop.
def last_square(n):
    sq = -1
    for i in range(n):
        sq = i * i
    return sq

print(last_square(5), last_square(0))
i = 100
for i in range(3):
    pass
print(i)
