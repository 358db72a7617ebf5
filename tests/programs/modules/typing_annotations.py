# Annotations from typing (List, Optional, Tuple, Dict, Union, typing.List) and
# `from __future__ import annotations`; the main guard.
from __future__ import annotations
import sys
import typing
from typing import List, Optional, Tuple, Dict, Union


def total(xs: List[int]) -> int:
    return sum(xs)


def first(xs: typing.List[str]) -> Optional[str]:
    return xs[0] if xs else None


def pair(a: int, b: float) -> Tuple[int, float]:
    return a, b


def either(v: Union[int, str]) -> str:
    return str(v)


def counts(d: Dict[str, int] | None = None) -> int:
    return 0


def main(argv: list[str]) -> int:
    print(total([1, 2, 3]), first(["a"]), first([]), pair(1, 2.5), either(3), either("x"))
    print(counts())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
