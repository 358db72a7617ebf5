# sys.exit() of a value that is neither an int, a str nor None: its text on
# stderr, status 1.
import sys

print("before")
sys.exit(2.5)
