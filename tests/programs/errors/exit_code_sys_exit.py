# sys.exit with a code.
import sys
print("leaving")
sys.exit(3)
