//! `krait build` and `krait run` end to end: small programs compiled to native code
//! and compared with python3 (stdout, exit code, last line of stderr), the `--emit`
//! outputs, optimisation levels, and diagnostics for programs outside the subset.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn krait(args: &[&str], cache: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_krait"))
        .args(args)
        .env("KRAIT_CACHE_DIR", cache)
        .env_remove("KRAIT_LOG")
        .output()
        .expect("run the krait binary")
}

fn python(file: &str) -> Output {
    Command::new(common::python())
        .arg(file)
        .output()
        .expect("run python3")
}

/// A fresh directory for one test's files.
fn scratch(test: &str) -> PathBuf {
    common::scratch_dir("build", test)
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    common::write_file(dir, name, text)
}

fn last_line(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .lines()
        .last()
        .unwrap_or("")
        .to_string()
}

/// Runs `source` with python3 and with `krait run -O<level>` and compares.
fn same_as_python(test: &str, source: &str, level: &str) {
    let dir = scratch(test);
    let file = write(&dir, "prog.py", source);
    let expected = python(&file);
    let got = krait(&["run", level, &file], &dir.join("cache"));
    assert_eq!(
        String::from_utf8_lossy(&got.stdout),
        String::from_utf8_lossy(&expected.stdout),
        "stdout of {test} (stderr: {})",
        String::from_utf8_lossy(&got.stderr)
    );
    assert_eq!(
        got.status.code(),
        expected.status.code(),
        "exit code of {test}"
    );
    assert_eq!(
        last_line(&got.stderr),
        last_line(&expected.stderr),
        "last stderr line of {test}"
    );
}

const ARITHMETIC: &str = r#"
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def collatz(n, steps=0):
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps

print(fib(20), collatz(27), collatz(n=97))
big = 2 ** 64
print(big * big - 1, -big // 3, -big % 7, 7 // -2, 7 % -2, -7 // 2)
x = 4611686018427387903
print(x + 1, -x - 2, x * x, abs(-x - 1))
print(1 / 3, 10 / 4, 2.5 * 4, 0.1 + 0.2, 1e300 * 1e10, -0.0, 7.5 // 2, -7.5 % 2)
print(2 ** 53 + 1 == float(2 ** 53), 3 < 3.5 <= 4, 1 == 1.0, int(-3.9), float(7))
print(min(3, -2, 5), max(1.5, 2.5), min(True, False), abs(-2.5), bool(0.0), int(True))
print(~5, 6 & 3, 6 | 3, 6 ^ 3, 1 << 70, -1 >> 3, 12 >> 2)
"#;

const CONTROL: &str = r#"
total = 0
for i in range(10, 0, -3):
    if i == 4:
        continue
    total += i
else:
    print("for-else", total)
n = 0
while True:
    n += 1
    if n > 5:
        break
else:
    print("never")
print(n, 1 if n else 2, n and 0, 0 or n, not n)
s = "abc"
print(s, "b" in s, s == "abc", s < "abd", s + "def", "" or "empty", sep="|", end="!\n")
print(None, True, 3 > 2 > 1)
"#;

#[test]
fn arithmetic_matches_python() {
    same_as_python("arith", ARITHMETIC, "-O2");
}

#[test]
fn control_flow_matches_python() {
    same_as_python("control", CONTROL, "-O1");
}

#[test]
fn every_optimisation_level_gives_the_same_answers() {
    for level in ["-O0", "-O3"] {
        same_as_python(&format!("levels{level}"), ARITHMETIC, level);
    }
}

#[test]
fn uncaught_exceptions_exit_like_python() {
    let cases = [
        (
            "zerodiv",
            "def f(a):\n    return a // 0\n\nprint(1)\nf(3)\n",
        ),
        ("assert", "x = 3\nassert x < 2, 'too big'\n"),
        ("assert_bare", "assert 1 > 2\n"),
        ("value", "print(int('12x'))\n"),
        ("float_div", "print(1.5 / 0.0)\n"),
        (
            "raise",
            "def f():\n    raise ValueError('bad value')\n\nf()\n",
        ),
        ("overflow", "print(float(10 ** 400))\n"),
        (
            "recursion",
            "def down(n):\n    return down(n + 1)\n\ndown(0)\n",
        ),
    ];
    for (name, source) in cases {
        same_as_python(name, source, "-O1");
    }
}

#[test]
fn tracebacks_name_every_frame() {
    let dir = scratch("traceback");
    let file = write(
        &dir,
        "prog.py",
        "def inner(x):\n    return 10 // x\n\ndef outer(x):\n    return inner(x) + 1\n\nouter(0)\n",
    );
    let got = krait(&["run", &file], &dir.join("cache"));
    let expected = python(&file);
    let keep = |o: &Output| -> Vec<String> {
        // CPython 3.11's caret lines are not produced yet.
        String::from_utf8_lossy(&o.stderr)
            .lines()
            .filter(|l| !l.trim_start().starts_with(['^', '~']))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(keep(&got), keep(&expected));
    assert_eq!(got.status.code(), Some(1));
}

#[test]
fn build_writes_an_executable() {
    let dir = scratch("exe");
    let exe = executable(&dir, "print('hello', 6 * 7)\n");
    let run = Command::new(&exe).output().expect("run the executable");
    assert_eq!(String::from_utf8_lossy(&run.stdout), "hello 42\n");
    assert!(!dir.join("cache").exists(), "--no-cache wrote to the cache");
}

#[test]
fn emit_outputs() {
    let dir = scratch("emit");
    let file = write(
        &dir,
        "sum.py",
        "import sys\n\ndef f(n):\n    s = 0\n    for i in range(n):\n        s += i\n    return s\n\n\
         def g(x, y):\n    return x * y + 1.5 + x ** 2.0\n\nprint(f(len(sys.argv) + 9), g(0.1, 3.0))\n",
    );
    let cache = dir.join("cache");
    let ir = krait(&["build", &file, "--emit", "llvm-ir", "-o", "-"], &cache);
    let ir_text = String::from_utf8_lossy(&ir.stdout);
    assert!(ir.status.success());
    assert!(
        ir_text.contains("define i32 @main") || ir_text.contains("@main("),
        "{ir_text}"
    );
    assert!(ir_text.contains("llvm.sadd.with.overflow"), "{ir_text}");
    // Every value here has one static type: nothing is boxed into a dyn word.
    assert!(!ir_text.contains("kr_dyn_"), "{ir_text}");
    // The loop runs on a fast copy that assumes small ints (codegen::loops).
    assert!(ir_text.contains("llvm.assume"), "{ir_text}");
    for flag in [
        " fast ",
        " contract ",
        " reassoc ",
        " afn ",
        "fmuladd",
        "llvm.pow",
    ] {
        assert!(!ir_text.contains(flag), "{flag} in {ir_text}");
    }

    let asm_path = dir.join("sum.s");
    let asm = krait(
        &[
            "build",
            &file,
            "--emit",
            "asm",
            "-o",
            asm_path.to_str().unwrap(),
        ],
        &cache,
    );
    assert!(asm.status.success());
    let asm_text = std::fs::read_to_string(&asm_path).expect("assembly written");
    assert!(asm_text.contains("main:"), "{asm_text}");

    let obj_path = dir.join("sum.o");
    let obj = krait(
        &[
            "build",
            &file,
            "--emit",
            "obj",
            "-O0",
            "-o",
            obj_path.to_str().unwrap(),
        ],
        &cache,
    );
    assert!(obj.status.success());
    let bytes = std::fs::read(&obj_path).expect("object written");
    assert!(bytes.starts_with(b"\x7fELF"));
}

#[test]
fn benchmarks_are_statically_typed() {
    // The benchmark programs' values each have one static type; a call of the
    // runtime's dyn operators in their code means inference lost precision (and
    // the program became many times slower).
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/programs");
    let cache = scratch("bench_static").join("cache");
    let mut checked = 0;
    for entry in std::fs::read_dir(&root).expect("bench/programs exists") {
        let path = entry.expect("a directory entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("py") {
            continue;
        }
        let file = path.to_string_lossy().to_string();
        let ir = krait(&["build", &file, "--emit", "llvm-ir", "-o", "-"], &cache);
        assert!(
            ir.status.success(),
            "{file}: {}",
            String::from_utf8_lossy(&ir.stderr)
        );
        let text = String::from_utf8_lossy(&ir.stdout);
        assert!(!text.contains("kr_dyn_"), "{file} calls the dyn runtime");
        checked += 1;
    }
    assert!(checked >= 8, "only {checked} benchmark programs found");
}

#[test]
fn unsupported_code_gets_a_diagnostic() {
    let dir = scratch("unsupported");
    let file = write(&dir, "bad.py", "class A:\n    pass\nprint(A)\n");
    let out = krait(&["run", &file], &dir.join("cache"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("not supported by krait's native compiler yet"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");

    let file = write(&dir, "syntax.py", "def f(:\n");
    let out = krait(&["build", &file], &dir.join("cache"));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SyntaxError"));
}

#[test]
fn run_passes_the_exit_code_through() {
    let dir = scratch("exitcode");
    let file = write(&dir, "fail.py", "print('before')\nprint(1 // 0)\n");
    let out = krait(
        &["run", "-O0", &file, "extra", "--flag"],
        &dir.join("cache"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "before\n");
}

#[test]
fn reads_before_assignment_raise_like_python() {
    let cases = [
        (
            "unbound_int",
            "def f(c):\n    if c:\n        x = 1\n    return x\n\nprint(f(1))\nprint(f(0))\n",
        ),
        (
            "unbound_float",
            "def f(c):\n    while c:\n        y = 2.5\n        c = 0\n    return y\n\nprint(f(1))\nprint(f(0))\n",
        ),
        ("name_error", "def g():\n    return z + 1\n\nprint(g())\nz = 2\n"),
        (
            "name_error_bool",
            "def g():\n    return flag\n\nprint(g())\nflag = True\n",
        ),
    ];
    for (name, source) in cases {
        same_as_python(name, source, "-O1");
    }
}

/// Builds `source` into an executable in `dir` (with `--no-cache`).
fn executable(dir: &Path, source: &str) -> PathBuf {
    let file = write(dir, "prog.py", source);
    let exe = dir.join("prog-bin");
    let out = krait(
        &["build", &file, "-o", exe.to_str().unwrap(), "--no-cache"],
        &dir.join("cache"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    exe
}

/// Runs `program` (python3 or an executable) with its stdout on a full disk.
fn to_dev_full(program: &mut Command, unbuffered: bool) -> Output {
    if unbuffered {
        program.env("PYTHONUNBUFFERED", "1");
    } else {
        program.env_remove("PYTHONUNBUFFERED");
    }
    let full = std::fs::File::create("/dev/full").expect("open /dev/full");
    program.stdout(full).output().expect("run the program")
}

#[test]
fn failed_stdout_writes_are_python_errors() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let dir = scratch("dev-full");
    let source = "for i in range(3):\n    print('line', i)\nprint(len('abc'))\n";
    let exe = executable(&dir, source);
    let file = dir.join("prog.py");
    // Buffered: the write fails at exit ("Exception ignored", status 120); with
    // PYTHONUNBUFFERED at the first print() (OSError, status 1).
    for unbuffered in [false, true] {
        let expected = to_dev_full(Command::new(common::python()).arg(&file), unbuffered);
        let got = to_dev_full(&mut Command::new(&exe), unbuffered);
        assert_eq!(
            got.status.code(),
            expected.status.code(),
            "unbuffered: {unbuffered}"
        );
        assert_eq!(
            String::from_utf8_lossy(&got.stderr),
            String::from_utf8_lossy(&expected.stderr),
            "unbuffered: {unbuffered}"
        );
    }
}

#[test]
fn a_closed_pipe_is_broken_pipe_error() {
    let dir = scratch("broken-pipe");
    let exe = executable(&dir, "for i in range(200000):\n    print('line', i)\n");
    let mut child = Command::new(&exe)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run the executable");
    // The reader goes away: the program's writes fail with EPIPE, not SIGPIPE.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait for the executable");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("Traceback (most recent call last):\n")
            && stderr.ends_with("    print('line', i)\nBrokenPipeError: [Errno 32] Broken pipe\n"),
        "{stderr}"
    );
}
