# Lone surrogates in an exit message (and in exception messages) are written
# to stderr backslash-escaped, as CPython's stderr does.
import sys

print("before")
sys.exit("bad " + chr(0xD800) + " end" + chr(0xDCFF))
