# Printing a str with lone surrogates fails as in CPython (stdout encodes UTF-8):
# what print wrote before that str stays written, nothing of the str is.
s = "caf\u00e9" + chr(0xDABC)
print(len(s), repr(s))
print("ok", "a" + chr(0xDFFF) + chr(0xD800) + "b")
