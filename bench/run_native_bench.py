#!/usr/bin/env python3
"""Native benchmark runner: python3 vs `krait build -O3` vs C (gcc and clang -O3).

Usage: run_native_bench.py KRAIT [--runs N] [--python-runs N] [--wall]
                                 [--only NAME ...] [--cc COMPILER ...]

For every bench/programs/NAME.py (with its C twin NAME.c) it builds krait's executable
and the C one with each C compiler found (gcc and clang by default, both `-O3
-ffp-contract=off`, so that C computes floats as Python does: no fused multiply-add),
runs them, checks that krait prints exactly what python3 prints and that the C
versions print the same numbers, and prints a table with the speed-up over python3,
krait's time relative to each C compiler and the geometric means. Programs krait
cannot compile yet stay in the table, marked as such. See bench/README.md.

The native executables run in interleaved rounds (krait, gcc, clang, krait, ...), so
that a change in the machine's speed during the run hits them alike, and the best
of --runs rounds is kept; python3 runs --python-runs times.

--instructions also counts the instructions each native executable executes (one
run under valgrind's cachegrind, if installed) and prints krait's count relative to
each C compiler's: unlike times, these counts do not move with the machine's load.

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
    """Best time of `runs` runs of argv, and the first run's (exit code, stdout, stderr)."""
    times, first = best_of_each([argv], runs, wall)
    return times[0], first[0]


def best_of_each(argvs, runs, wall):
    """Runs every argv once per round, for `runs` rounds; per argv its best time (None
    if it failed) and its first run's (exit code, stdout, stderr)."""
    best = [None] * len(argvs)
    first = [None] * len(argvs)
    failed = [False] * len(argvs)
    for _ in range(runs):
        for k, argv in enumerate(argvs):
            if failed[k]:
                continue
            seconds, code, stdout, stderr = timed(argv, wall)
            if first[k] is None:
                first[k] = (code, stdout, stderr)
            if code != 0:
                failed[k] = True
                best[k] = None
                continue
            best[k] = seconds if best[k] is None else min(best[k], seconds)
    return best, first


def instructions(argv):
    """Instructions executed by argv (valgrind cachegrind's "I refs"), or None."""
    proc = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no",
         "--cachegrind-out-file=/dev/null"] + argv,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in proc.stderr.splitlines():
        if "I   refs:" in line or "I refs:" in line:
            return int(line.split(":")[1].strip().replace(",", ""))
    return None


def ratio_cells(krait, c_values, compilers, collected):
    """krait's value relative to each compiler's, as table cells; each ratio is also
    appended to collected[compiler] (for the geometric means)."""
    cells = ""
    for cc in compilers:
        c_value = c_values.get(cc)
        ratio = krait / c_value if krait and c_value else None
        if ratio:
            collected[cc].append(ratio)
        cells += f" {(f'{ratio:.2f}' if ratio else '-'):>10}"
    return cells


def find_compilers(requested):
    """The C compilers to compare with: those requested, or gcc and clang if found."""
    if requested:
        return requested
    found = []
    for names in (["gcc", "cc"], ["clang", "clang-19", "clang-18", "clang-17"]):
        for name in names:
            if shutil.which(name):
                found.append(name)
                break
    return found


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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("krait", help="path to the (release) krait binary")
    parser.add_argument("--runs", type=int, default=5,
                        help="rounds of the native executables, best kept (default 5)")
    parser.add_argument("--python-runs", type=int, default=1,
                        help="runs of python3, best kept (default 1)")
    parser.add_argument("--wall", action="store_true", help="wall-clock instead of CPU time")
    parser.add_argument("--only", nargs="*", help="benchmark names to run")
    parser.add_argument("--cc", nargs="*", default=None,
                        help="C compilers (default: gcc and clang, those found)")
    parser.add_argument("--instructions", action="store_true",
                        help="also count executed instructions (valgrind)")
    args = parser.parse_args()
    if args.runs < 1 or args.python_runs < 1:
        parser.error("--runs and --python-runs must be at least 1")

    names = sorted(f[:-3] for f in os.listdir(PROGRAMS) if f.endswith(".py"))
    if args.only:
        names = [n for n in names if n in args.only]
    compilers = find_compilers(args.cc)
    python = real_python()
    work = tempfile.mkdtemp(prefix="krait-native-bench-")
    env = dict(os.environ, KRAIT_CACHE_DIR=os.path.join(work, "cache"))
    clock = "wall-clock" if args.wall else "CPU (user+sys)"
    print(f"python: {python} ({sys.version.split()[0]}), krait: {args.krait}, "
          f"C: {', '.join(compilers) or 'none'} (-O3 -ffp-contract=off)")
    print(f"times: {clock} seconds, best of {args.runs} interleaved rounds "
          f"(python3: {args.python_runs}); load average {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} cores")
    print()

    def label(cc):
        return os.path.basename(cc).split("-")[0][:8]

    c_heads = "".join(f" {label(cc) + ' s':>11}" for cc in compilers)
    ratio_heads = "".join(f" {'krait/' + label(cc)[:4]:>10}" for cc in compilers)
    header = (f"{'program':<14} {'python s':>9} {'krait s':>9}{c_heads} "
              f"{'vs python':>10}{ratio_heads}  note")
    print(header)
    print("-" * len(header))
    speedups, wrong = [], 0
    ratios = {cc: [] for cc in compilers}
    counted = []  # (name, krait count, {cc: count})
    if args.instructions and not shutil.which("valgrind"):
        print("--instructions: valgrind is not installed; counting nothing")
        args.instructions = False
    try:
        for name in names:
            source = os.path.join(PROGRAMS, name + ".py")
            c_source = os.path.join(PROGRAMS, name + ".c")
            exe = os.path.join(work, name)
            notes = []
            build = subprocess.run(
                [args.krait, "build", "-O3", source, "-o", exe],
                capture_output=True, text=True, env=env)
            c_exes = {}
            for cc in compilers:
                c_exe = os.path.join(work, f"{name}-{cc}")
                ok = os.path.exists(c_source) and subprocess.run(
                    [cc, "-O3", "-ffp-contract=off", c_source, "-o", c_exe, "-lm"],
                    capture_output=True).returncode == 0
                if ok:
                    c_exes[cc] = c_exe
                else:
                    notes.append(f"C version missing or failed to compile with {cc}")

            py_time, (py_code, py_out, _) = best_of([python, source], args.python_runs,
                                                    args.wall)
            runnable = []
            if build.returncode != 0:
                if UNSUPPORTED in build.stderr:
                    notes.append("krait cannot compile it yet: " + first_line(build.stderr))
                else:
                    notes.append("krait build FAILED: " + first_line(build.stderr))
            else:
                runnable.append(("krait", [exe]))
            runnable += [(cc, [c_exe]) for cc, c_exe in c_exes.items()]
            times, firsts = best_of_each([argv for _, argv in runnable], args.runs, args.wall)
            results = {who: (t, f) for (who, _), t, f in zip(runnable, times, firsts)}

            k_time = None
            if "krait" in results:
                k_time, (k_code, k_out, _) = results["krait"]
                if k_out != py_out or k_code != py_code:
                    wrong += 1
                    k_time = None
                    notes.append(f"WRONG OUTPUT (exit {k_code}): {k_out[:60]!r}")
            c_times = {}
            for cc in c_exes:
                c_time, c_first = results[cc]
                c_times[cc] = c_time
                if c_first and not same_numbers(c_first[1].decode(), py_out.decode()):
                    notes.append(f"{cc} prints different numbers")

            def cell(value, width, fmt="{:.3f}"):
                return (fmt.format(value) if value is not None else "-").rjust(width)

            speedup = py_time / k_time if k_time and py_time else None
            if speedup:
                speedups.append(speedup)
            row = f"{name:<14} {cell(py_time, 9)} {cell(k_time, 9)}"
            row += "".join(f" {cell(c_times.get(cc), 11)}" for cc in compilers)
            row += f" {cell(speedup, 10, '{:.1f}x')}"
            row += ratio_cells(k_time, c_times, compilers, ratios)
            print(f"{row}  {'; '.join(notes)}")
            sys.stdout.flush()
            if args.instructions and k_time:
                counted.append((name, instructions([exe]),
                                {cc: instructions([c_exe]) for cc, c_exe in c_exes.items()}))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def geomean(values):
        return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None

    def fmt(value, width, form):
        return (form.format(value) if value else "-").rjust(width)

    print("-" * len(header))
    row = f"{'geomean':<14} {'':>9} {'':>9}" + "".join(f" {'':>11}" for _ in compilers)
    row += f" {fmt(geomean(speedups), 10, '{:.1f}x')}"
    row += "".join(f" {fmt(geomean(ratios[cc]), 10, '{:.2f}')}" for cc in compilers)
    print(f"{row}  over {len(speedups)} of {len(names)} programs krait compiles")
    if counted:
        print()
        print("instructions executed (millions), and krait's count relative to C:")
        head = f"{'program':<14} {'krait':>9}" + "".join(f" {label(cc):>9}" for cc in compilers)
        head += "".join(f" {'krait/' + label(cc)[:4]:>10}" for cc in compilers)
        print(head)
        count_ratios = {cc: [] for cc in compilers}
        for name, k_count, c_counts in counted:
            row = f"{name:<14} {fmt(k_count and k_count / 1e6, 9, '{:.0f}')}"
            row += "".join(f" {fmt(c_counts.get(cc) and c_counts[cc] / 1e6, 9, '{:.0f}')}"
                           for cc in compilers)
            row += ratio_cells(k_count, c_counts, compilers, count_ratios)
            print(row)
        row = f"{'geomean':<14} {'':>9}" + "".join(f" {'':>9}" for _ in compilers)
        row += "".join(f" {fmt(geomean(count_ratios[cc]), 10, '{:.2f}')}" for cc in compilers)
        print(row)
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
