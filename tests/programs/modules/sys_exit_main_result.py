# sys.exit(main()): main returns an int on one path and falls off the end
# (None) on the other; sys.exit() takes either, and other values as text.
import sys


def main(argv):
    if len(argv) > 5:
        return 2
    print("ran with", len(argv), "arguments")


sys.exit(main(sys.argv))
