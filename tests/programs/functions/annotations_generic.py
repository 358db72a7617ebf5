# Annotations built from builtin classes compile whatever they say; they do not
# decide types (Python does not enforce them), so the values print as python3 prints.
def mean(xs: list[float]) -> float:
    total: float = 0.0
    for x in xs:
        total += x
    return total / len(xs)


def pair(a: int, b: str) -> tuple[int, str]:
    return (a, b)


def first_or_none(xs: list[int]) -> int | None:
    if len(xs) == 0:
        return None
    return xs[0]


def describe(v: "int | str", scale: float | int = 2) -> str:
    return str(v) * int(scale)


grid: list[list[float]] = [[1.0, 2.0], [3.5, 4.5]]
counts: tuple[int, ...] = (1, 2, 3)
names: list[str] = []
names.append("a")
wide: int | float = 3
wide = wide * 1.5
table: dict[str, int] | None = None
print(mean([1.0, 2.5, 4.0]), pair(3, "x"), first_or_none([]), first_or_none([7, 8]))
print(describe(5), describe("ab", 3), grid, counts, names, wide, table)
