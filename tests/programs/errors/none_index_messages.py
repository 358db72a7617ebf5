# Indexing a str with a None that came from an int-or-None value.
def pick(c):
    if c:
        return 1


s = "ab"
print(s[pick(True)])
print(s[pick(False)])
