# int() of nan.
print(int(float("nan")))
