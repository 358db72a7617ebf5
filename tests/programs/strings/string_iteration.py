# Iterating over a string yields one-character strings.
vowels = 0
for c in "programming language":
    if c in "aeiou":
        vowels += 1
print(vowels)
out = ""
for c in "héllo":
    out = c + out
print(out)
