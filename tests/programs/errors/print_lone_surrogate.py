# Printing a str with lone surrogates as CPython: with stdout strict (the test
# harness sets PYTHONIOENCODING=utf-8) every surrogate fails, the error names the
# run of them, and what print wrote before that str stays written. (Under the C and
# C.UTF-8 locales without PYTHONIOENCODING, U+DC80..U+DCFF are written as the bytes
# they stand for instead, as CPython's surrogateescape does.)
s = "caf\u00e9" + chr(0xDABC)
print(len(s), repr(s))
print("ok", "a" + chr(0xDCFF) + chr(0xD800) + "b")
