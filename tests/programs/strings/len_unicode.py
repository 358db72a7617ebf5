# len counts code points, not bytes.
print(len(""), len("abc"), len("héllo"), len("中文字"), len("😀😀"))
s = "aé中😀"
print(len(s), len(s + s), len(s * 10))
