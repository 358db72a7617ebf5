# String comparison is by code point.
print("a" < "b", "abc" < "abd", "ab" < "abc", "" < "a", "B" < "a")
print("é" > "z", "中" > "é", "😀" > "中", "abc" == "abc", "abc" != "abC")
print("apple" <= "apple", "b" >= "abc", "Z" < "a" < "z")
