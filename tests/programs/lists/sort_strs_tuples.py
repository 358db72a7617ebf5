# Sorting strs (code point order) and tuples, stably, with and without reverse=True.
seed = 7
letters = "abcAB zé_€"


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed // 65536) % n


def word():
    w = ""
    for i in range(rand(6) // 2 + rand(3)):
        w = w + letters[rand(len(letters))]
    return w


words = [word() for i in range(300)]
s = sorted(words)
print(s[25:60])
print(s[-10:])
print(sorted(words, reverse=True)[:30])
words.sort(reverse=True)
print(words[100:130])

pairs = []
for i in range(400):
    pairs.append((rand(6), word(), i))
pairs.sort()
print(pairs[:10], pairs[-5:])
firsts = []
for p in pairs:
    firsts.append(p[0])
print(firsts == sorted(firsts))

fs = []
for i in range(200):
    fs.append((float(rand(8)) / 4.0, rand(3)))
print(sorted(fs)[:12])
print(sorted(fs, reverse=True)[:12])

big = []
for i in range(3000):
    big.append(str(rand(50000)))
big.sort()
print(big[:6], big[1500:1504], big[-6:])
print(sorted(["b", "a", "", "B", "ab", "aa", "a"], reverse=True))
