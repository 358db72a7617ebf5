# The in operator on strings.
s = "the quick brown fox"
print("quick" in s, "slow" in s, "" in s, "fox" in s, "x" not in s)
print("ö" in "wörld", "中文" in "学中文", "ab" in "a")
