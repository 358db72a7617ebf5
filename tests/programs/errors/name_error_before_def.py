# Calling a function before its def statement has run is a NameError.
print("start")
print(doubled_value(2))

def doubled_value(x):
    return x * 2
