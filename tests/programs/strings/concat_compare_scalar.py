# String concatenation, comparison and `in` on non-ASCII strings, without lists.
a = "héllo"
b = "wörld"
c = a + ", " + b
print(c)
print(a == "héllo", a != b, a < b, a > b, a <= a, b >= a)
print("é" in a, "x" in a, "" in a, "llo" in a, "ö" not in a)
print("" < "a", "a" < "ab", "Z" < "a", "é" > "z", "中" > "é", "😀" > "中")
