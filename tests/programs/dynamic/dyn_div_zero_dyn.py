# Division by a zero that came from a mixed list.
nums = [4, 2.0, 0, "x"]
for d in nums:
    print(12 / d)
