# sys.exit from inside a function ends the program.
import sys

def stop(code):
    print("stopping with", code)
    sys.exit(code)
    print("unreachable")

stop(4)
