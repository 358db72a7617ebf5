# The recursion limit counts every frame, whether or not the function is itself
# recursive: depths add up across recursive functions joined by plain helpers.
def down(n):
    if n == 0:
        return 0
    return 1 + down(n - 1)


def helper(n):
    return down(n) + 1


def outer(k, n):
    if k == 0:
        return helper(n)
    return outer(k - 1, n) + helper(3)


print(outer(400, 500))
print(outer(10, 900))
print(helper(990))
print(outer(300, 690))
print(outer(300, 700))
