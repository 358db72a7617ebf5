# sort and reverse in place.
xs = [5, -2, 9, 0, 3, 3, -7]
xs.sort()
print(xs)
xs.reverse()
print(xs)
xs.sort(reverse=True)
print(xs)
fs = [2.5, -1.0, 0.0, 1e-3]
fs.sort()
print(fs)
ss = ["pear", "apple", "Fig", "banana"]
ss.sort()
print(ss)
