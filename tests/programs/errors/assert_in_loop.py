# An assertion that fails on the fifth iteration of a loop inside a function.
def check_all(n):
    for i in range(n):
        print("checking", i)
        assert i * i < 20, "square too large"

check_all(10)
