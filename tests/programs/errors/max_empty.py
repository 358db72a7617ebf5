xs = [3]
xs.pop()
print(max(xs))
