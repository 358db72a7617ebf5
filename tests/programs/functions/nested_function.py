# A nested function reading its enclosing scope (a closure).
def make_adder(n):
    def add(x):
        return x + n
    return add

add5 = make_adder(5)
print(add5(10), make_adder(-1)(1))
