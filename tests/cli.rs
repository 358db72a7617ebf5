//! The `krait` command end to end: each subcommand run as a user runs it, its
//! output and exit code checked, with the host python3 as the reference where there
//! is one. Exit codes: 0 success, 1 a diagnostic, 2 a usage or I/O error.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn krait(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_krait"))
        .args(args)
        .output()
        .expect("run the krait binary")
}

/// A fresh directory for one test's files.
fn scratch(test: &str) -> PathBuf {
    common::scratch_dir("cli", test)
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    common::write_file(dir, name, text)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// CPython's `ast.dump` of a file, exactly as the README's reference command prints it.
fn python_dump(path: &str, attributes: bool) -> String {
    let code = format!(
        "import ast,sys; print(ast.dump(ast.parse(open(sys.argv[1],'rb').read()){}))",
        if attributes {
            ", include_attributes=True"
        } else {
            ""
        }
    );
    let output = Command::new(common::python())
        .args(["-c", &code, path])
        .output()
        .expect("run python3 (set KRAIT_PYTHON)");
    assert!(output.status.success(), "python3: {}", stderr(&output));
    stdout(&output)
}

/// CPython's `(lineno, offset, kind, message)` for a file it rejects.
fn python_error(path: &str) -> (u32, u32, String, String) {
    let code = "import sys\n\
                try:\n    compile(open(sys.argv[1],'rb').read(), sys.argv[1], 'exec')\n\
                except SyntaxError as e:\n    print(e.lineno, e.offset, type(e).__name__, e.msg)";
    let output = Command::new(common::python())
        .args(["-c", code, path])
        .output()
        .expect("run python3 (set KRAIT_PYTHON)");
    let text = stdout(&output);
    let mut words = text.trim_end().splitn(4, ' ');
    let mut next = || words.next().unwrap_or_default().to_string();
    let (line, offset, kind, message) = (next(), next(), next(), next());
    (
        line.parse().expect("python3 reported a line"),
        offset.parse().expect("python3 reported an offset"),
        kind,
        message,
    )
}

/// A little of everything the parser handles, for the `dump-ast` comparison.
const SMALL_PROGRAM: &str = r#"# -*- coding: utf-8 -*-
"""Docstring with 'quotes' and ünïcode."""
from __future__ import annotations
import os.path as p, sys
from . import (a as b, c)

@decorator(1, key=2)
class Point(Base, metaclass=Meta):
    x: int = 0
    def __init__(self, x, /, y=2.5, *args, z, w=None, **kw) -> None:
        self.x, self.y = x, y
        del kw[0], args[1:2, ::3]

async def main(items):
    async with lock() as l, other():
        async for i in items:
            await i
    return [x ** 2 for x in range(10) if x % 2 if x > 3]

def gen():
    total = yield from g()
    yield
    nonlocal_value = lambda a, *b, c=1: (a, b, c)
    return {k: v for k, v in {}.items()}, {1, 2}, {**d, 'k': 1e16}, 0x_ff, 1_000j

try:
    pass
except* (TypeError, ValueError) as group:
    raise RuntimeError("x") from group
else:
    pass
finally:
    print(f"{p!r:>{width}} {sys.version=} {{literal}}", b'\x00\'"', u'u', rb'\d')

match command.split():
    case [action, *rest] if action:
        pass
    case {"x": 1, **others}:
        pass
    case Point(x=0, y=_) | None | -1.5 | 1+2j:
        pass
    case str() as text:
        pass

while not (a if b else c) and d or e:
    x = y = ~z; x @= m; assert x is not None, 'msg'
    if (n := len(x)) >= 3: break
    elif n in x: continue
else:
    global g
"#;

#[test]
fn version_names_llvm_19() {
    let output = krait(&["--version"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("krait "), "{text}");
    assert!(text.contains("LLVM 19"), "{text}");
}

#[test]
fn dump_ast_equals_python() {
    let dir = scratch("dump-ast");
    let path = write(&dir, "small.py", SMALL_PROGRAM);
    for attributes in [false, true] {
        let args: &[&str] = if attributes {
            &["dump-ast", "--attributes", &path]
        } else {
            &["dump-ast", &path]
        };
        let output = krait(args);
        assert!(output.status.success(), "krait: {}", stderr(&output));
        assert_eq!(stdout(&output), python_dump(&path, attributes));
        assert_eq!(stderr(&output), "");
    }
}

/// The reference symbol-table printer's output for one file (tests/reference/).
fn python_scopes(dir: &Path, path: &str) -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference/symtable_dump.py");
    let list = write(dir, "files.txt", &format!("{path}\n"));
    let output = Command::new(common::python())
        .arg(&script)
        .args([&list, dir.to_str().expect("UTF-8 temp path")])
        .output()
        .expect("run python3 (set KRAIT_PYTHON)");
    assert!(output.status.success(), "python3: {}", stderr(&output));
    let text = std::fs::read_to_string(dir.join("0.txt")).expect("reference output");
    text.strip_prefix("OK\n")
        .unwrap_or_else(|| panic!("symtable rejected the program: {text}"))
        .to_string()
}

#[test]
fn dump_scopes_equals_python_symtable() {
    let dir = scratch("dump-scopes");
    let path = write(&dir, "small.py", SMALL_PROGRAM);
    let output = krait(&["dump-scopes", &path]);
    assert!(output.status.success(), "krait: {}", stderr(&output));
    assert_eq!(stdout(&output), python_scopes(&dir, &path));
    assert_eq!(stderr(&output), "");
}

#[test]
fn parse_is_silent_on_good_files() {
    let dir = scratch("parse-good");
    let first = write(&dir, "first.py", SMALL_PROGRAM);
    let second = write(&dir, "second.py", "x = 1\n");
    let output = krait(&["parse", &first, &second]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    assert_eq!(stderr(&output), "");
}

#[test]
fn parse_reports_file_line_column_on_a_bad_file() {
    let dir = scratch("parse-bad");
    let good = write(&dir, "good.py", "x = 1\n");
    let bad = write(&dir, "bad.py", "def f():\n    return (1,\n\nx = 1 +\n");
    let (line, offset, _, _) = python_error(&bad);
    let output = krait(&["parse", &good, &bad]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    let text = stderr(&output);
    let location = format!("{bad}:{line}:{offset}");
    assert!(text.contains(&location), "expected {location} in:\n{text}");
    assert!(!text.contains("good.py"), "{text}");
}

#[test]
fn short_message_format_is_one_line_like_cpython() {
    let dir = scratch("short");
    let bad = write(&dir, "bad.py", "x = 1 +\n");
    let (line, offset, kind, message) = python_error(&bad);
    let output = krait(&["parse", "--message-format", "short", &bad]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!("{bad}:{line}:{offset}: {kind}: {message}\n")
    );
    assert_eq!(stdout(&output), "");
}

#[test]
fn missing_file_is_a_clear_error_with_exit_code_2() {
    let dir = scratch("missing");
    let missing = dir.join("does-not-exist.py");
    let missing = missing.to_str().expect("UTF-8 temp path");
    for command in ["parse", "dump-ast", "dump-scopes", "check"] {
        let output = krait(&[command, missing]);
        assert_eq!(output.status.code(), Some(2), "krait {command}");
        assert_eq!(stdout(&output), "", "krait {command}");
        let text = stderr(&output);
        assert!(
            text.contains(missing) && text.contains("cannot read"),
            "krait {command}: {text}"
        );
    }
}

#[test]
fn huge_decimal_literals_are_rejected_like_cpython_and_hex_ones_accepted() {
    let dir = scratch("huge-literal");
    let digits = "7".repeat(4301);
    let bad = write(&dir, "bad.py", &format!("x = 1\ny = {digits}\n"));
    // CPython gives this error no column (offset 0); krait points at the literal.
    let (line, _, kind, message) = python_error(&bad);
    let output = krait(&["parse", "--message-format", "short", &bad]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!("{bad}:{line}:5: {kind}: {message}\n")
    );
    let good = write(
        &dir,
        "good.py",
        &format!("x = 0x{}\ny = {}\n", "f".repeat(4000), "7".repeat(4300)),
    );
    let output = krait(&["parse", &good]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}
