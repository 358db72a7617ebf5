# Slices with steps, negative bounds and out-of-range bounds.
s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[:])
print(s[::2], s[1::3], s[::-1], s[8:2:-2], s[-1:-4:-1])
print(s[5:2], s[100:], s[-100:2], s[2:100])
u = "aé中😀b"
print(u[1:4], u[::-1], u[::2])
