# List comprehensions with conditions and nesting.
squares = [i * i for i in range(10)]
evens = [x for x in squares if x % 2 == 0]
pairs = [i * 10 + j for i in range(3) for j in range(3) if i != j]
print(squares, evens, pairs)
print([x / 2 for x in range(5)], [str(i) for i in range(3)])
