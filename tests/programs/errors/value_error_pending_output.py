# Output printed with end="" is flushed before the traceback.
print("partial line", end="")
print(int("nope"))
