# The usual entry point: a main() run under `if __name__ == "__main__":`.
import sys


def main() -> int:
    print("running as", __name__)
    if __name__ != "__main__":
        return 1
    return 0


if __name__ == "__main__":
    status = main()
    print("status", status)
    sys.exit(status)
