#!/usr/bin/env python3
"""Parse-speed benchmark: krait's parser against CPython's `ast.parse`.

Times, over every .py of the host stdlib (site-packages excluded):
  (a) one `krait parse FILE...` process on all files, after a warm-up run that
      also puts the files in the page cache (best of --runs);
  (b) `ast.parse` on the same bytes, in this one python3 process, with the files
      already read into memory (best of --cpython-runs);
and prints files, MB, seconds and MB/s (wall-clock and CPU time) and krait's
speed-up. CPU time (user + system) is also shown because on a shared, busy
machine it is the steadier measure.

krait's time is the whole process (start-up, reading the files, parsing, exit),
so it is, if anything, pessimistic for krait. Usually run through parse_bench.sh,
which builds the release binary first.
"""

import argparse
import ast
import os
import resource
import subprocess
import sys
import sysconfig
import time
import warnings


def stdlib_files(root):
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "site-packages")
        found.extend(os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py"))
    return sorted(found)


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_krait(krait, files, runs):
    """Best (wall, CPU) seconds of `krait parse` over all files, and how many
    files it rejected."""
    command = [krait, "parse", "--message-format", "short", *files]
    best, rejected = None, 0
    for run in range(runs + 1):  # run 0 is the warm-up
        cpu_before = children_cpu()
        start = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = (time.perf_counter() - start, children_cpu() - cpu_before)
        if done.returncode not in (0, 1):
            sys.exit(f"krait parse failed (exit {done.returncode}):\n"
                     + done.stderr.decode(errors="replace")[-2000:])
        rejected = sum(1 for line in done.stderr.splitlines() if b"Error: " in line)
        if run > 0:
            best = elapsed if best is None else (min(best[0], elapsed[0]), min(best[1], elapsed[1]))
    return best, rejected


def time_cpython(sources, runs):
    """Best (wall, CPU) seconds of `ast.parse` over all sources, and how many
    it rejected."""
    best, rejected = None, 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(runs):
            rejected = 0
            cpu_before = time.process_time()
            start = time.perf_counter()
            for source in sources:
                try:
                    ast.parse(source)
                except (SyntaxError, ValueError):
                    rejected += 1
            elapsed = (time.perf_counter() - start, time.process_time() - cpu_before)
            best = elapsed if best is None else (min(best[0], elapsed[0]), min(best[1], elapsed[1]))
    return best, rejected


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("krait", help="path to the (release) krait binary")
    parser.add_argument("--stdlib", default=sysconfig.get_paths()["stdlib"])
    parser.add_argument("--runs", type=int, default=3, help="timed krait runs (after 1 warm-up)")
    parser.add_argument("--cpython-runs", type=int, default=1, help="timed ast.parse passes")
    args = parser.parse_args()

    files = stdlib_files(args.stdlib)
    sources = []
    for path in files:
        with open(path, "rb") as f:
            sources.append(f.read())
    megabytes = sum(map(len, sources)) / 1e6

    krait_seconds, krait_rejected = time_krait(args.krait, files, args.runs)
    cpython_seconds, cpython_rejected = time_cpython(sources, args.cpython_runs)

    (k_wall, k_cpu), (c_wall, c_cpu) = krait_seconds, cpython_seconds
    print(f"stdlib: {args.stdlib}")
    print(f"{'':16} {'files':>6} {'MB':>7} {'wall s':>8} {'MB/s':>7} {'CPU s':>8} {'MB/s':>7} {'rejected':>8}")
    for name, wall, cpu, rejected in (
        (f"CPython {sys.version.split()[0]}", c_wall, c_cpu, cpython_rejected),
        ("krait parse", k_wall, k_cpu, krait_rejected),
    ):
        print(f"{name:16} {len(files):6} {megabytes:7.2f} {wall:8.3f} {megabytes / wall:7.2f} "
              f"{cpu:8.3f} {megabytes / cpu:7.2f} {rejected:8}")
    print(f"krait speed-up over ast.parse: {c_wall / k_wall:.1f}x wall-clock, "
          f"{c_cpu / k_cpu:.1f}x CPU time (target >= 10x)")
    print(f"load average during the run: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs "
          "(wall-clock figures are only meaningful on an idle machine)")
    if krait_rejected != cpython_rejected:
        print(f"note: krait rejected {krait_rejected} files, CPython {cpython_rejected}; "
              "the timings are not yet like for like")


if __name__ == "__main__":
    main()
