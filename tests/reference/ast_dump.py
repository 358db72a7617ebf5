#!/usr/bin/env python3
"""CPython's verdict on many files, for krait's differential test (ast_vs_cpython.rs).

Usage: ast_dump.py LIST OUTDIR
LIST holds one source path per line. For the file on line N (from 0), OUTDIR/N.txt
receives either

    OK
    <ast.dump(ast.parse(bytes), include_attributes=True)>

or, when CPython rejects the file,

    ERROR <exception class> <lineno or ->

One process handles the whole list, so the test does not pay Python's start-up
time per file.
"""

import ast
import os
import sys


def verdict(path):
    with open(path, "rb") as f:
        source = f.read()
    try:
        tree = ast.parse(source)
    except Exception as e:  # SyntaxError and its subclasses, ValueError, RecursionError...
        line = getattr(e, "lineno", None)
        return "ERROR %s %s\n" % (type(e).__name__, "-" if line is None else line)
    return "OK\n" + ast.dump(tree, include_attributes=True) + "\n"


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
