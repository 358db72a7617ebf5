# str * int and int * str, including zero and negative counts.
a = "ab"
print(a * 3, 2 * a, a * 0, a * -2, "é" * 4, "" * 10)
n = 3
print("-" * n + ">", (a + "|") * n)
