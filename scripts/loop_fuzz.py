#!/usr/bin/env python3
"""Differential fuzzing of fast loops: random functions with range and while loops,
index arithmetic, guards, early exits, calls of a pure and of a list-shrinking
helper, and values at the edges of the small-int range, each run by python3 and by
krait; prints every program whose stdout, exit code or last stderr line differ.

    scripts/loop_fuzz.py [--krait target/release/krait] [--seed N] [--count N]

It exercises what the range analysis proves (backend/src/codegen/loop_ranges.rs)
and the if/else arms fast loops compute together (speculate.rs): a wrong proof or
a wrong restart shows up as a missing IndexError, a wrong sum or a crash. Not part
of the test suite (it takes minutes); run it after changing either.
"""
import argparse
import os
import random
import shutil
import subprocess
import tempfile

BOUNDS = ["0", "1", "2", "3", "-1", "-2", "5", "7", "2**61", "2**61 - 1", "-(2**61)",
          "2**62 - 1", "-(2**62)", "2**62", "2**63", "n", "n - 1", "n + 1", "len(xs)",
          "len(xs) - 1", "-n"]
ITEMS = ["0", "1", "5", "-3", "2**61", "2**62 - 1", "-(2**62)", "2**70"]
HELPERS = """def h(x: int) -> int:
    return x * 2 - 1


def g(xs: list[int]) -> int:
    return xs.pop() if xs else 0


"""


def index_expr(rng):
    v = rng.choice(["i", "i", "t"])
    k = rng.choice(["0", "1", "2", "-1", "-3", "k", "m"])
    op = rng.choice(["+", "-", "+", "-", "*"])
    return rng.choice([v, f"{v} {op} {k}", f"{k} {op} {v}", f"{v} - w", f"{v} + w"])


def loop_head(rng):
    kind = rng.choice(["range", "range2", "range3", "down", "up"])
    if kind == "range":
        return kind, [f"for i in range({rng.choice(BOUNDS)}):"]
    if kind == "range2":
        return kind, [f"for i in range({rng.choice(BOUNDS)}, {rng.choice(BOUNDS)}):"]
    if kind == "range3":
        step = rng.choice(["1", "2", "-1", "-2", "3", "k", "m", "s"])
        return kind, [f"for i in range({rng.choice(BOUNDS)}, {rng.choice(BOUNDS)}, {step}):"]
    start = f"i = {rng.choice(BOUNDS)}"
    if kind == "down":
        test = f"while i {rng.choice(['>=', '>'])} {rng.choice(['w', '0', '1', '-1', 'k', 'm'])}:"
    else:
        limit = rng.choice(["n", "len(xs)", "len(xs) - 1", "k", "m", "2**62"])
        test = f"while i {rng.choice(['<', '<='])} {limit}:"
    return kind, [start, test]


def arm(rng):
    """One or two small int assignments, as an arm of an if/else."""
    lines = []
    for _ in range(rng.randint(1, 2)):
        dst = rng.choice(["t", "acc"])
        a = rng.choice(["t", "acc", "i", "k"])
        op = rng.choice(["+", "-", "*", "//", "%", ">>", "&", "|", "^"])
        b = rng.choice(["1", "2", "3", "-5", "7", "2**61", "2**62 - 1", "t", "i", "m"])
        if op in ("//", "%", ">>") and not b[0].isdigit():
            b = "3"
        lines.append(f"{dst} = {a} {op} {b}" + rng.choice(["", " + 1", " - 3"]))
    return lines


def if_else(rng):
    """An if/else whose arms a fast loop may compute together (speculate.rs)."""
    v = rng.choice(["i", "t", "acc"])
    cond = rng.choice([f"{v} % 2 == 0", f"{v} > {rng.choice(['k', 'm', '0'])}",
                       f"{v} & 1", "t < acc"])
    return [f"if {cond}:"] + arm(rng) + ["else:"] + arm(rng)


def loop_body(rng, kind):
    # Each statement is a list of lines, the first at the body's indentation and
    # the others one level deeper.
    body = [["steps += 1"], ["if steps > 40:", "break"]]
    for _ in range(rng.randint(1, 3)):
        e = index_expr(rng)
        c = rng.random()
        if c < 0.3:
            body.append([f"t = xs[{e}]"])
        elif c < 0.5:
            body.append([f"xs[{e}] = t + {rng.choice(['1', 'i', 'w', '2**62'])}"])
        elif c < 0.65:
            body.append([f"t = t + {e}"])
        elif c < 0.75:
            body.append([f"if {e} < len(xs):", f"t = t + xs[{e}]"])
        elif c < 0.85:
            limit = rng.choice(["k", "m", "w", "0"])
            body.append([f"if {e} {rng.choice(['<', '>', '>=', '<='])} {limit}:", "break"])
        elif c < 0.9:
            body.append([f"acc = acc + i * {rng.choice(['1', '3', 'k', '2**40'])}"])
        elif c < 0.93:
            body.append([f"t = t + h({e})"])
        elif c < 0.97:
            body.append(if_else(rng))
        else:
            body.append([f"if {e} == {rng.choice(['1', '2', 'k'])}:", "t = t + g(xs)"])
    if kind == "down":
        body.append(["i -= 1"])
    elif kind == "up":
        body.append(["i += 1"])
    body.append(["acc += t"])
    return body


def program(rng):
    kind, head = loop_head(rng)
    lines = ["def f(xs: list[int], n: int, w: int, k: int, m: int, s: int) -> int:",
             "    t = 0", "    acc = 0", "    steps = 0"]
    lines += ["    " + line for line in head]
    for statement in loop_body(rng, kind):
        lines.append("        " + statement[0])
        lines += [("        " if line == "else:" else "            ") + line
                  for line in statement[1:]]
    lines.append("    return acc + t")
    calls = []
    for _ in range(4):
        items = ", ".join(rng.choice(ITEMS) for _ in range(rng.choice([0, 1, 3, 8, 10])))
        args = [rng.choice(["0", "3", "8", "10", "-2", "2**61"]),
                rng.choice(["0", "1", "3", "-2", "2**61", "-(2**61)", "2**62"]),
                rng.choice(["0", "1", "2", "-1", "5"]),
                rng.choice(["3", "-4", "2**61", "-(2**62)"]),
                rng.choice(["1", "2", "-1", "-3"])]
        calls.append(f"print(f([{items}], {', '.join(args)}))")
    return HELPERS + "\n".join(lines) + "\n\n\n" + "\n".join(calls) + "\n"


def run(command, directory):
    try:
        p = subprocess.run(command, cwd=directory, capture_output=True, text=True, timeout=10)
    except subprocess.TimeoutExpired:
        return None
    return p.returncode, p.stdout, p.stderr.strip().splitlines()[-1:]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--krait", default="target/release/krait")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args()
    krait = os.path.abspath(args.krait)
    rng = random.Random(args.seed)
    mismatches = 0
    for _ in range(args.count):
        source = program(rng)
        directory = tempfile.mkdtemp(prefix="loop_fuzz")
        with open(os.path.join(directory, "p.py"), "w") as f:
            f.write(source)
        expected = run(["python3", "p.py"], directory)
        got = run([krait, "run", "p.py"], directory) if expected else None
        unsupported = got and "not supported" in "".join(got[2])
        if expected is None or unsupported or got == expected:
            shutil.rmtree(directory)
            continue
        mismatches += 1
        print(f"MISMATCH {directory}/p.py\n  python3: {expected}\n  krait:   {got}", flush=True)
    print(f"{args.count} programs, {mismatches} mismatches")


if __name__ == "__main__":
    main()
