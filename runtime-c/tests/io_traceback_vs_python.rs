//! print() and uncaught-exception reports against python3. Each scenario is a small
//! Python program and the sequence of runtime calls compiled code would make for it;
//! this test binary runs itself with KR_SCENARIO set to make those calls (ending in
//! kr_exit_with_exception) and compares stdout, stderr and the exit status with
//! python3 running the program. Python's 3.11 caret lines (`~~^~~`) are not produced
//! by krait yet, so they are removed from Python's stderr before comparing.

use runtime_c::ffi::*;
use std::ffi::{CStr, CString};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A scenario: its Python source, and the runtime calls that stand for it.
struct Scenario {
    name: &'static str,
    source: &'static str,
    run: fn(&CStr),
}

const SCENARIOS: &[Scenario] = &[
    Scenario {
        name: "recursion",
        source: "def f(n):\n    if n == 0:\n\x0c\t    return 1 // n   \n    return f(n - 1)\n\n\n\
                 print(1.5, True, None, 'h\u{e9}llo', 12345678901234567890123, -7)\n\
                 print(0.1, 1e16, 1e-05, -0.0, float('inf'), float('nan'), sep='|', end='!\\n')\n\
                 for i in range(20000):\n    print(i, i * 0.5)\n\
                 f(10)\n",
        run: recursion,
    },
    Scenario {
        name: "assert",
        source: "print('before')\nassert 1 == 2\n",
        run: assertion,
    },
    Scenario {
        name: "raise",
        source: "def check(x):\r\n    if x < 0:\r\n        raise ValueError('negative: ' + 'x')\r\n    return x\r\n\r\ndef outer():\r\n    return check(-1)\r\nprint(check(3))\r\nouter()\r\n",
        run: raise_value,
    },
    Scenario {
        name: "bigint",
        source: "print(1, end=' ')\nprint(10 ** 5000)\n",
        run: bigint,
    },
    Scenario {
        name: "empty-message",
        source: "def g():\n    raise OverflowError('')\ng()\n",
        run: empty_message,
    },
];

fn main() {
    if let Ok(name) = std::env::var("KR_SCENARIO") {
        let path = std::env::var("KR_SCENARIO_FILE").unwrap();
        let scenario = SCENARIOS.iter().find(|s| s.name == name).unwrap();
        let args: Vec<CString> = std::env::args().map(|a| CString::new(a).unwrap()).collect();
        let mut argv: Vec<*mut std::ffi::c_char> =
            args.iter().map(|a| a.as_ptr() as *mut _).collect();
        unsafe { kr_set_argv(argv.len() as i32, argv.as_mut_ptr()) };
        let file = CString::new(path).unwrap();
        (scenario.run)(&file);
        unsafe { kr_flush_stdout() };
        std::process::exit(0);
    }
    unsafe { kr_runtime_init() };
    let dir = scratch_dir();
    for scenario in SCENARIOS {
        compare_with_python(scenario, &dir);
        println!("test scenario_{} ... ok", scenario.name);
    }
    traceback_keeps_innermost_frames();
    println!("test traceback_keeps_innermost_frames ... ok");
    missing_source_is_omitted();
    println!("test missing_source_is_omitted ... ok");
    let _ = std::fs::remove_dir_all(&dir);
}

fn scratch_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("krait-io-traceback-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn text(s: &str) {
    unsafe { kr_print_utf8(s.as_ptr().cast(), s.len()) };
}

fn int(i: i64) -> KrValue {
    unsafe { kr_int_from_i64(i) }
}

fn big(digits: &str) -> KrValue {
    unsafe { kr_int_from_str(digits.as_ptr().cast(), digits.len(), 10) }
}

fn add(file: &CStr, line: i32, function: &str) {
    let f = CString::new(function).unwrap();
    // The runtime keeps the pointers: leak them, as compiled code's are static.
    unsafe {
        kr_traceback_add(
            file.as_ptr(),
            line,
            Box::leak(f.into_boxed_c_str()).as_ptr(),
        )
    };
}

fn recursion(file: &CStr) {
    unsafe {
        kr_print_float(1.5);
        text(" ");
        kr_print_bool(true);
        text(" ");
        kr_print_none();
        text(" ");
        let s = "h\u{e9}llo";
        assert!(kr_print_str(kr_str_from_utf8(s.as_ptr().cast(), s.len())));
        text(" ");
        assert!(kr_print_int(big("12345678901234567890123")));
        text(" ");
        assert!(kr_print_int(int(-7)));
        text("\n");
        for (k, d) in [0.1, 1e16, 1e-05, -0.0, f64::INFINITY, f64::NAN]
            .into_iter()
            .enumerate()
        {
            if k > 0 {
                text("|");
            }
            kr_print_float(d);
        }
        text("!\n");
        for i in 0..20000 {
            assert!(kr_print_int(int(i)));
            text(" ");
            kr_print_float(i as f64 * 0.5);
            text("\n");
        }
        kr_raise(
            exc::ZERO_DIVISION,
            c"integer division or modulo by zero".as_ptr(),
        );
    }
    add(file, 3, "f");
    for _ in 0..10 {
        add(file, 4, "f");
    }
    add(file, 11, "<module>");
    unsafe { kr_exit_with_exception() };
}

fn assertion(file: &CStr) {
    text("before\n");
    unsafe { kr_raise_str(exc::ASSERTION, std::ptr::null()) };
    add(file, 2, "<module>");
    unsafe { kr_exit_with_exception() };
}

fn raise_value(file: &CStr) {
    unsafe { kr_print_int(int(3)) };
    text("\n");
    let message = "negative: x";
    unsafe {
        kr_raise_str(
            exc::VALUE,
            kr_str_from_utf8(message.as_ptr().cast(), message.len()),
        )
    };
    add(file, 3, "check");
    add(file, 7, "outer");
    add(file, 9, "<module>");
    unsafe { kr_exit_with_exception() };
}

fn bigint(file: &CStr) {
    unsafe {
        assert!(kr_print_int(int(1)));
        text(" ");
        let v = kr_int_pow(int(10), int(5000));
        assert!(!kr_print_int(v));
    }
    add(file, 2, "<module>");
    unsafe { kr_exit_with_exception() };
}

fn empty_message(file: &CStr) {
    let empty = "";
    unsafe { kr_raise_str(exc::OVERFLOW, kr_str_from_utf8(empty.as_ptr().cast(), 0)) };
    add(file, 2, "g");
    add(file, 3, "<module>");
    unsafe { kr_exit_with_exception() };
}

struct Outcome {
    stdout: String,
    stderr: String,
    combined: String,
    code: Option<i32>,
}

/// Runs `command` twice: with separate pipes, and with stdout and stderr sharing one
/// file (which shows whether stdout was flushed before the report).
fn outcome(mut make: impl FnMut() -> Command, dir: &Path, tag: &str) -> Outcome {
    let out = make().stdin(Stdio::null()).output().unwrap();
    let both = dir.join(format!("{tag}.both"));
    let file = std::fs::File::create(&both).unwrap();
    let status = make()
        .stdin(Stdio::null())
        .stdout(file.try_clone().unwrap())
        .stderr(file)
        .status()
        .unwrap();
    assert_eq!(status.code(), out.status.code());
    Outcome {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        combined: std::fs::read_to_string(&both).unwrap(),
        code: out.status.code(),
    }
}

/// Python 3.11's caret lines under the failing expression, which krait omits.
fn without_carets(text: &str) -> String {
    text.split_inclusive('\n')
        .filter(|line| {
            let t = line.trim();
            t.is_empty() || !t.chars().all(|c| c == '~' || c == '^')
        })
        .collect()
}

fn compare_with_python(scenario: &Scenario, dir: &Path) {
    let program = dir.join(format!("{}.py", scenario.name));
    std::fs::write(&program, scenario.source).unwrap();
    let python = std::env::var("KRAIT_PYTHON").unwrap_or_else(|_| "python3".into());
    let theirs = outcome(
        || {
            let mut c = Command::new(&python);
            c.arg(&program).env("PYTHONIOENCODING", "utf-8");
            c
        },
        dir,
        &format!("{}-python", scenario.name),
    );
    let me = std::env::current_exe().unwrap();
    let ours = outcome(
        || {
            let mut c = Command::new(&me);
            c.env("KR_SCENARIO", scenario.name)
                .env("KR_SCENARIO_FILE", &program);
            c
        },
        dir,
        &format!("{}-krait", scenario.name),
    );
    let name = scenario.name;
    assert_eq!(ours.code, theirs.code, "{name}: exit status");
    assert!(ours.stdout == theirs.stdout, "{name}: stdout differs");
    assert_eq!(
        ours.stderr,
        without_carets(&theirs.stderr),
        "{name}: stderr"
    );
    assert!(
        ours.combined == without_carets(&theirs.combined),
        "{name}: stdout and stderr interleave differently"
    );
}

fn traceback_keeps_innermost_frames() {
    let file = c"deep.py";
    unsafe { kr_raise(exc::RECURSION, c"maximum recursion depth exceeded".as_ptr()) };
    for line in 1..=1500 {
        add(file, line, "f");
    }
    let mut len = 0;
    let report = unsafe { CStr::from_ptr(kr_format_exception(&mut len)) }
        .to_string_lossy()
        .into_owned();
    let frames: Vec<&str> = report.lines().filter(|l| l.starts_with("  File")).collect();
    assert_eq!(frames.len(), 1000);
    assert_eq!(frames[0], "  File \"deep.py\", line 1000, in f");
    assert_eq!(frames[999], "  File \"deep.py\", line 1, in f");
    assert!(report.ends_with("RecursionError: maximum recursion depth exceeded\n"));
    unsafe { kr_error_clear() };
}

fn missing_source_is_omitted() {
    unsafe { kr_raise(exc::INDEX, c"list index out of range".as_ptr()) };
    for _ in 0..5 {
        add(c"/nonexistent/krait/prog.py", 3, "f");
    }
    add(c"/nonexistent/krait/prog.py", 9, "<module>");
    let mut len = 0;
    let report = unsafe { CStr::from_ptr(kr_format_exception(&mut len)) }
        .to_string_lossy()
        .into_owned();
    assert_eq!(
        report,
        "Traceback (most recent call last):\n\
         \x20 File \"/nonexistent/krait/prog.py\", line 9, in <module>\n\
         \x20 File \"/nonexistent/krait/prog.py\", line 3, in f\n\
         \x20 File \"/nonexistent/krait/prog.py\", line 3, in f\n\
         \x20 File \"/nonexistent/krait/prog.py\", line 3, in f\n\
         \x20 [Previous line repeated 2 more times]\n\
         IndexError: list index out of range\n"
    );
    unsafe { kr_error_clear() };
}
