#!/usr/bin/env python3
"""Native benchmark runner: python3 vs `krait build -O3` vs C (`cc -O3`).

Usage: run_native_bench.py KRAIT [--runs N] [--wall] [--only NAME ...]

For every bench/programs/NAME.py (with its C twin NAME.c) it builds krait's executable
and the C one, runs python3, krait and C side by side (best of --runs), checks that
krait prints exactly what python3 prints, and prints a table with the speed-up over
python3, krait's time relative to C and the geometric means. Programs krait cannot
compile yet stay in the table, marked as such. See bench/README.md.

Times are CPU seconds (user + system of the child) by default: on a shared machine
they are far steadier than wall-clock seconds; --wall measures wall-clock instead.
"""

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time

UNSUPPORTED = "not supported by krait's native compiler yet"
HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")


def real_python():
    """The interpreter itself, not a version manager's shell-script shim."""
    return sys.executable or "python3"


def timed(argv, wall):
    """Runs argv once; returns (seconds, exit code, stdout bytes, stderr text)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout = out.read()
        stderr = err.read().decode("utf-8", "replace")
    seconds = elapsed if wall else usage.ru_utime + usage.ru_stime
    return seconds, proc.returncode, stdout, stderr


def best_of(argv, runs, wall):
    best = None
    first = None
    for _ in range(runs):
        seconds, code, stdout, stderr = timed(argv, wall)
        if first is None:
            first = (code, stdout, stderr)
        if code != 0:
            break
        best = seconds if best is None else min(best, seconds)
    return best, first


def same_numbers(a, b):
    """Whether two outputs hold the same numbers (C prints floats with %.17g)."""
    ta, tb = a.split(), b.split()
    if len(ta) != len(tb):
        return False
    for x, y in zip(ta, tb):
        try:
            if float(x) != float(y):
                return False
        except ValueError:
            if x != y:
                return False
    return True


def first_line(text):
    for line in text.splitlines():
        if UNSUPPORTED in line:
            return line.split(UNSUPPORTED, 1)[1].lstrip(": ").strip()
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[0].strip() if lines else "no message"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("krait", help="path to the (release) krait binary")
    parser.add_argument("--runs", type=int, default=3, help="best of N runs (default 3)")
    parser.add_argument("--wall", action="store_true", help="wall-clock instead of CPU time")
    parser.add_argument("--only", nargs="*", help="benchmark names to run")
    parser.add_argument("--cc", default=os.environ.get("CC", "cc"), help="the C compiler")
    args = parser.parse_args()

    names = sorted(f[:-3] for f in os.listdir(PROGRAMS) if f.endswith(".py"))
    if args.only:
        names = [n for n in names if n in args.only]
    python = real_python()
    work = tempfile.mkdtemp(prefix="krait-native-bench-")
    env = dict(os.environ, KRAIT_CACHE_DIR=os.path.join(work, "cache"))
    clock = "wall-clock" if args.wall else "CPU (user+sys)"
    print(f"python: {python} ({sys.version.split()[0]}), krait: {args.krait}, C: {args.cc} -O3")
    print(f"times: {clock} seconds, best of {args.runs}; "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print()

    header = f"{'program':<14} {'python s':>9} {'krait s':>9} {'C s':>8} {'vs python':>10} {'krait/C':>8}  note"
    print(header)
    print("-" * len(header))
    speedups, ratios, wrong = [], [], 0
    try:
        for name in names:
            source = os.path.join(PROGRAMS, name + ".py")
            c_source = os.path.join(PROGRAMS, name + ".c")
            exe = os.path.join(work, name)
            c_exe = os.path.join(work, name + "-c")

            build = subprocess.run(
                [args.krait, "build", "-O3", source, "-o", exe],
                capture_output=True, text=True, env=env)
            c_ok = os.path.exists(c_source) and subprocess.run(
                [args.cc, "-O3", c_source, "-o", c_exe, "-lm"],
                capture_output=True).returncode == 0

            py_time, (py_code, py_out, _) = best_of([python, source], args.runs, args.wall)
            c_time, c_first = best_of([c_exe], args.runs, args.wall) if c_ok else (None, None)
            notes = []
            k_time = None
            if build.returncode != 0:
                if UNSUPPORTED in build.stderr:
                    notes.append("krait cannot compile it yet: " + first_line(build.stderr))
                else:
                    notes.append("krait build FAILED: " + first_line(build.stderr))
            else:
                k_time, (k_code, k_out, k_err) = best_of([exe], args.runs, args.wall)
                if k_out != py_out or k_code != py_code:
                    wrong += 1
                    k_time = None
                    notes.append(f"WRONG OUTPUT (exit {k_code}): {k_out[:60]!r}")
            if not c_ok:
                notes.append("C version missing or failed to compile")
            elif c_first and not same_numbers(c_first[1].decode(), py_out.decode()):
                notes.append("C prints different numbers")

            def cell(value, width, fmt="{:.3f}"):
                return (fmt.format(value) if value is not None else "-").rjust(width)

            speedup = py_time / k_time if k_time and py_time else None
            ratio = k_time / c_time if k_time and c_time else None
            if speedup:
                speedups.append(speedup)
            if ratio:
                ratios.append(ratio)
            print(f"{name:<14} {cell(py_time, 9)} {cell(k_time, 9)} {cell(c_time, 8)} "
                  f"{cell(speedup, 10, '{:.1f}x')} {cell(ratio, 8, '{:.2f}')}  {'; '.join(notes)}")
            sys.stdout.flush()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def geomean(values):
        return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None

    print("-" * len(header))
    g_speed, g_ratio = geomean(speedups), geomean(ratios)
    print(f"{'geomean':<14} {'':>9} {'':>9} {'':>8} "
          f"{(f'{g_speed:.1f}x' if g_speed else '-'):>10} {(f'{g_ratio:.2f}' if g_ratio else '-'):>8}"
          f"  over {len(speedups)} of {len(names)} programs krait compiles")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
