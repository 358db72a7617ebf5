# sys.exit(0) and sys.exit() exit cleanly.
import sys
print("ok")
sys.exit(0)
