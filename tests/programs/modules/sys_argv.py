# sys.argv has the program name and no extra arguments.
import sys
print(len(sys.argv))
print(sys.argv[0].endswith("sys_argv.py"))
