# Printing a str with lone surrogates as CPython: under the C and C.UTF-8 locales
# (surrogateescape) U+DC80..U+DCFF are written as the bytes they stand for; other
# surrogates fail (UTF-8 cannot encode them), and what print wrote before that str
# stays written, nothing of the str is.
s = "caf\u00e9" + chr(0xDABC)
print(len(s), repr(s))
print("escaped:", chr(0xDCFF) + "z" + chr(0xDC80))
print("ok", "a" + chr(0xDFFF) + chr(0xD800) + "b")
