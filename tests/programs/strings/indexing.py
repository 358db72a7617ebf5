# Indexing by code point, with negative indices.
s = "héllo, wörld"
print(s[0], s[1], s[-1], s[-5], s[7])
t = "中文😀x"
for i in range(len(t)):
    print(i, t[i], t[-1 - i])
