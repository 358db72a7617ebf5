# raise of a class without calling it.
print("start")
raise ValueError
