# Functions whose return type depends on the path taken.
def parse(text):
    if text.isdigit():
        return int(text)
    if text == "none":
        return None
    if "." in text:
        return float(text)
    return text


def halve(n):
    if n % 2 == 0:
        return n // 2
    return n / 2


for word in ["12", "none", "2.5", "word", "007"]:
    value = parse(word)
    print(repr(value), value == 12, value is None)

total = 0
for n in range(7):
    total = total + halve(n)
    print(n, halve(n), total)
print(sum([halve(n) for n in range(5)]))
