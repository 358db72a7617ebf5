# An error deep in recursion propagates through every frame.
def down(n):
    if n == 0:
        return 1 // n
    return down(n - 1) + 1

print("go")
print(down(5))
