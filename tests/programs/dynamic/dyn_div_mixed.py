# Division, floor division and modulo between mixed ints, floats and bools.
nums = [7, -7, 2.5, True, -0.5]
for a in nums:
    print([a / b for b in nums], [a // b for b in nums], [a % b for b in nums])
