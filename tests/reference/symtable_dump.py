#!/usr/bin/env python3
"""CPython's symbol tables for many files, for krait's differential test
(scopes_vs_cpython.rs).

Usage: symtable_dump.py LIST OUTDIR
LIST holds one source path per line. For the file on line N (from 0), OUTDIR/N.txt
receives either

    OK
    <the reference printer's output, below>

or, when `symtable.symtable` raises,

    ERROR <exception class> <lineno or ->

The printer is the one krait's `SymbolTable::dump` reproduces: one line per table
(type, name, first line), then its symbols sorted by name with their flags, then its
children, depth first.
"""

import io
import os
import symtable
import sys

FLAGS = ("parameter", "global", "declared_global", "nonlocal", "local", "free",
         "imported", "assigned", "referenced", "annotated")


def dump(table, out):
    out.write(f"{table.get_type()} {table.get_name()} {table.get_lineno()}\n")
    for s in sorted(table.get_symbols(), key=lambda s: s.get_name()):
        out.write(f"  {s.get_name()}: " + " ".join(f for f in FLAGS if getattr(s, "is_" + f)()) + "\n")
    for child in table.get_children():
        dump(child, out)


def verdict(path):
    with open(path, "rb") as f:
        source = f.read()
    try:
        table = symtable.symtable(source, path, "exec")
    except Exception as e:  # SyntaxError and its subclasses, ValueError, RecursionError...
        line = getattr(e, "lineno", None)
        return "ERROR %s %s\n" % (type(e).__name__, "-" if line is None else line)
    out = io.StringIO()
    dump(table, out)
    return "OK\n" + out.getvalue()


def main():
    list_path, outdir = sys.argv[1], sys.argv[2]
    with open(list_path, encoding="utf-8") as f:
        paths = f.read().splitlines()
    for index, path in enumerate(paths):
        text = verdict(path)
        with open(os.path.join(outdir, "%d.txt" % index), "w", encoding="utf-8",
                  errors="surrogatepass", newline="\n") as out:
            out.write(text)


if __name__ == "__main__":
    main()
