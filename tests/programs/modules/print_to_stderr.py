# print(file=sys.stderr / sys.stdout / None, flush=), sys.stdout.write() and
# sys.stderr.write(), flush(): the two streams interleave as in CPython.
import sys
print("to stdout")
print("to stderr", 1, 2.5, sep="-", file=sys.stderr)
print("again stdout", file=sys.stdout)
print("none means stdout", file=None, flush=True)
n = sys.stdout.write("written\n")
print(n)
sys.stderr.write("err line\n")
sys.stdout.flush()
sys.stderr.flush()
print("é ünicode", file=sys.stderr, end="!\n")
print("done")
