# divmod on floats and mixed operands.
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7, -2.5), divmod(1.0, 0.1))
print(divmod(-0.0, 1.0), divmod(5, 5.0))
