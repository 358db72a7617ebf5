#!/usr/bin/env python3
"""Generate a corpus of broken Python files with CPython's verdict on each.

Takes a spread of the host stdlib's files, breaks each with token-level edits
(delete a token, duplicate a token, swap two adjacent tokens, delete a line,
insert a stray token), and keeps only the variants `ast.parse` rejects with a
SyntaxError (or its subclasses IndentationError / TabError). Everything is
seeded, so the same Python gives the same corpus every time.

Output, under OUTDIR:
  cases/NNNN.py   the broken source, as bytes
  index.tsv       one line per case, tab-separated:
                  id, stdlib file, edit, exception class, lineno, offset,
                  end_lineno, end_offset, msg
                  (backslash, tab and newline inside fields are escaped as
                  \\\\, \\t, \\n; a missing number is written as -)

Used by tests/syntax_error_lines.rs; run by hand with
  python3 tests/reference/make_broken_corpus.py /tmp/broken --count 1000
"""

import argparse
import ast
import io
import os
import random
import sys
import sysconfig
import tokenize
import warnings

# Tokens inserted by the "stray" edit: each breaks something different
# (a block opener, unbalanced brackets, a dangling separator or keyword, an
# unterminated string).
STRAYS = [":", "(", ")", ",", "=", "def", "else", "'", "[", "}", "lambda", "**"]

EDITS = ["delete_token", "duplicate_token", "swap_tokens", "delete_line", "insert_stray"]

# Tokens without text, or that only mark the end: never edited.
SKIPPED_TYPES = {tokenize.ENCODING, tokenize.ENDMARKER, tokenize.DEDENT}

MAX_FILE_BYTES = 120_000


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def stdlib_files(root):
    """Every .py under the stdlib, site-packages excluded, sorted."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "__pycache__"))
        for name in sorted(filenames):
            if name.endswith(".py"):
                found.append(os.path.join(dirpath, name))
    return sorted(found)


def load(path):
    """The file's text if it is plain UTF-8, small enough, and valid; else None."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError:
        return None
    if len(raw) > MAX_FILE_BYTES or b"\r" in raw or b"\0" in raw:
        return None
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
    except SyntaxError:
        return None
    if encoding not in ("utf-8", "utf-8-sig") or raw.startswith(b"\xef\xbb\xbf"):
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if rejection(raw) is not None:
        return None  # Deliberately broken files (bad-syntax test data).
    return text


def rejection(source_bytes):
    """CPython's SyntaxError for these bytes, None if they parse, "skip" if
    CPython fails some other way (recursion, null bytes...)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ast.parse(source_bytes)
        except SyntaxError as error:
            return error
        except (ValueError, RecursionError, MemoryError, OverflowError):
            return "skip"
    return None


def tokens_of(text):
    try:
        return [t for t in tokenize.generate_tokens(io.StringIO(text).readline)
                if t.type not in SKIPPED_TYPES and t.start != t.end]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return None


class Offsets:
    """(row, col) in characters -> offset into the text."""

    def __init__(self, text):
        self.starts = [0]
        for i, ch in enumerate(text):
            if ch == "\n":
                self.starts.append(i + 1)

    def __call__(self, pos):
        row, col = pos
        return self.starts[row - 1] + col


def is_word(ch):
    return ch.isalnum() or ch == "_"


def spaced(text, at, insert):
    """`insert` put at `at`, with spaces where it would otherwise glue onto a
    neighbouring name or number and change its meaning."""
    before = " " if at > 0 and is_word(text[at - 1]) and is_word(insert[0]) else ""
    after = " " if at < len(text) and is_word(text[at]) and is_word(insert[-1]) else ""
    return text[:at] + before + insert + after + text[at:]


def apply_edit(rng, kind, text, tokens, offset):
    """One edit of `kind` at a random place; returns (new text, description) or None."""
    if kind == "delete_line":
        lines = text.splitlines(keepends=True)
        candidates = [i for i, line in enumerate(lines) if line.strip()]
        if not candidates:
            return None
        i = rng.choice(candidates)
        return "".join(lines[:i] + lines[i + 1:]), f"delete line {i + 1}"

    if not tokens:
        return None
    i = rng.randrange(len(tokens))
    tok = tokens[i]
    start, end = offset(tok.start), offset(tok.end)
    where = f"{tokenize.tok_name[tok.type]} {tok.string!r} at {tok.start[0]}:{tok.start[1]}"

    if kind == "delete_token":
        return text[:start] + text[end:], f"delete {where}"
    if kind == "duplicate_token":
        piece = text[start:end]
        return text[:end] + " " + piece + text[end:], f"duplicate {where}"
    if kind == "insert_stray":
        stray = rng.choice(STRAYS)
        return spaced(text, start, stray), f"insert {stray!r} before {where}"
    if kind == "swap_tokens":
        if i + 1 >= len(tokens):
            return None
        nxt = tokens[i + 1]
        layout = (tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.COMMENT)
        if tok.type in layout or nxt.type in layout or tok.end[0] != nxt.start[0]:
            return None
        n_start, n_end = offset(nxt.start), offset(nxt.end)
        swapped = text[:start] + text[n_start:n_end] + text[end:n_start] + text[start:end] + text[n_end:]
        return swapped, f"swap {where} with {nxt.string!r}"
    raise ValueError(kind)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir")
    parser.add_argument("--count", type=int, default=1000, help="cases to generate")
    parser.add_argument("--per-file", type=int, default=4, help="cases per stdlib file")
    parser.add_argument("--seed", type=int, default=3_11_7)
    parser.add_argument("--stdlib", default=sysconfig.get_paths()["stdlib"])
    args = parser.parse_args()

    rng = random.Random(args.seed)
    files = stdlib_files(args.stdlib)
    # Visit the files in a seeded shuffle so the cases spread over the whole
    # stdlib (not just its alphabetical start), stopping when enough are made.
    order = list(files)
    rng.shuffle(order)

    cases_dir = os.path.join(args.outdir, "cases")
    os.makedirs(cases_dir, exist_ok=True)
    for stale in os.listdir(cases_dir):
        if stale.endswith(".py"):
            os.remove(os.path.join(cases_dir, stale))

    rows = []
    used_files = 0
    for path in order:
        if len(rows) >= args.count:
            break
        text = load(path)
        if text is None:
            continue
        tokens = tokens_of(text)
        if tokens is None:
            continue
        offset = Offsets(text)
        rel = os.path.relpath(path, args.stdlib)
        made, seen = 0, set()
        for _attempt in range(8 * args.per_file):
            if made >= args.per_file or len(rows) >= args.count:
                break
            kind = rng.choice(EDITS)
            edited = apply_edit(rng, kind, text, tokens, offset)
            if edited is None:
                continue
            new_text, description = edited
            if new_text in seen or new_text == text:
                continue
            seen.add(new_text)
            data = new_text.encode("utf-8", "surrogatepass")
            error = rejection(data)
            if error is None or error == "skip":
                continue
            case_id = f"{len(rows):04d}"
            with open(os.path.join(cases_dir, case_id + ".py"), "wb") as f:
                f.write(data)
            num = lambda v: "-" if v is None else str(v)
            rows.append("\t".join([
                case_id, escape(rel), escape(description), type(error).__name__,
                num(error.lineno), num(error.offset), num(error.end_lineno),
                num(error.end_offset), escape(error.msg or ""),
            ]))
            made += 1
        used_files += made > 0

    with open(os.path.join(args.outdir, "index.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    print(f"{len(rows)} broken cases from {used_files} stdlib files in {args.outdir}")


if __name__ == "__main__":
    main()
