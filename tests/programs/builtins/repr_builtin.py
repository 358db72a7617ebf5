# repr() of every basic type.
print(repr(1), repr(-0.0), repr(1e16), repr(True), repr(None), repr("a'b"))
print(repr([1, "x"]), repr((1,)), repr(10 ** 20))
