# insert, index and count.
xs = [5, 3, 5, 1]
xs.insert(0, 9)
xs.insert(2, 7)
xs.insert(100, 8)
xs.insert(-1, 6)
print(xs)
print(xs.index(5), xs.index(8), xs.count(5), xs.count(42))
