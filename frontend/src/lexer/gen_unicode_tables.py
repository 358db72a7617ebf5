"""Generates frontend/src/lexer/unicode_tables.rs from the host CPython's Unicode data."""
import sys, unicodedata

def ranges(pred):
    out, start = [], None
    for cp in range(0x80, 0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            ok = False
        else:
            ok = pred(chr(cp))
        if ok and start is None:
            start = cp
        if not ok and start is not None:
            out.append((start, cp - 1)); start = None
    if start is not None:
        out.append((start, 0x10FFFF))
    return out

def emit(name, doc, rs):
    lines = [f"/// {doc}", f"pub(crate) static {name}: &[(u32, u32)] = &["]
    row = []
    for a, b in rs:
        row.append(f"(0x{a:X}, 0x{b:X}),")
        if len(row) == 4:
            lines.append("    " + " ".join(row)); row = []
    if row:
        lines.append("    " + " ".join(row))
    lines.append("];")
    return "\n".join(lines)

out = [
    "//! Unicode character classes as CPython 3.11 (Unicode %s) sees them, for the" % unicodedata.unidata_version,
    "//! non-ASCII characters the lexer must judge. Generated from the host python3",
    "//! (`str.isidentifier`, `str.isprintable`) so that krait agrees with CPython even",
    "//! where newer Unicode versions differ. Sorted, disjoint, inclusive ranges.",
    "",
    emit("XID_START", "Non-ASCII code points that may start an identifier (XID_Start).",
         ranges(lambda c: c.isidentifier())),
    "",
    emit("XID_CONTINUE", "Non-ASCII code points that may continue an identifier (XID_Continue).",
         ranges(lambda c: ("a" + c).isidentifier())),
    "",
    emit("NON_PRINTABLE", "Non-ASCII code points that are not printable (`str.isprintable`).",
         ranges(lambda c: not c.isprintable())),
    "",
    "/// Whether `cp` lies in one of the sorted, disjoint `ranges`.",
    "pub(crate) fn in_table(ranges: &[(u32, u32)], cp: u32) -> bool {",
    "    ranges",
    "        .binary_search_by(|&(lo, hi)| {",
    "            if hi < cp {",
    "                std::cmp::Ordering::Less",
    "            } else if lo > cp {",
    "                std::cmp::Ordering::Greater",
    "            } else {",
    "                std::cmp::Ordering::Equal",
    "            }",
    "        })",
    "        .is_ok()",
    "}",
    "",
]
sys.stdout.write("\n".join(out))
