# Functions taking and returning strings, with string defaults.
def greet(name, punct="!"):
    return "hi " + name + punct

def longer(a, b):
    if b > a:
        return b
    return a

print(greet("krait"), greet(name="you", punct="?"), greet("中文", "。"))
print(longer("apple", "banana"), longer("b", "a"))
s = ""
i = 0
while i < 5:
    s = s + "ab"
    i += 1
print(s)
