//! What the runtime's differential tests share: python3 answering a batch of cases
//! in one process (one line each), the comparison of its answers with the
//! runtime's, and the runtime's pending exception as text.

// Each test binary compiles this module and uses a part of it.
#![allow(dead_code)]

use std::ffi::{c_char, CStr};
use std::io::Write;
use std::process::{Command, Stdio};

extern "C" {
    fn kr_error_occurred() -> bool;
    fn kr_error_kind() -> i32;
    fn kr_error_message() -> *const c_char;
    fn kr_error_clear();
    fn kr_exc_kind_name(kind: i32) -> *const c_char;
}

/// A case's text on one line (newlines and carriage returns escaped).
pub fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

/// Runs `program` (which reads one case per line from stdin and prints one line
/// per case) in python3 (`KRAIT_PYTHON` overrides), with `flags` before `-c`.
pub fn run_python(program: &str, flags: &[&str], cases: &[String]) -> Vec<String> {
    let python = std::env::var("KRAIT_PYTHON").unwrap_or_else(|_| "python3".into());
    let mut child = Command::new(python)
        .args(flags)
        .args(["-c", program])
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 is needed for the differential tests");
    let input = cases.join("\n") + "\n";
    let mut stdin = child.stdin.take().expect("a piped stdin");
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("python3 runs");
    writer
        .join()
        .expect("the writer thread ends")
        .expect("python3 reads its input");
    assert!(out.status.success(), "python3 failed");
    let lines: Vec<String> = String::from_utf8(out.stdout)
        .expect("python3 answers in UTF-8")
        .split('\n')
        .map(String::from)
        .collect();
    assert_eq!(
        lines.len(),
        cases.len() + 1,
        "python3 answered a different number of lines"
    );
    lines[..cases.len()].to_vec()
}

/// Runs the cases (python3 input, the runtime's answer) through `program` and
/// asserts that every answer equals python3's; shows up to `shown` failures.
/// KRAIT_SHOW_CASES=N prints every Nth case with its answer, to see what is tested.
pub fn check(what: &str, program: &str, flags: &[&str], cases: &[(String, String)], shown: usize) {
    let inputs: Vec<String> = cases.iter().map(|(c, _)| c.clone()).collect();
    let theirs = run_python(program, flags, &inputs);
    let failures: Vec<String> = cases
        .iter()
        .zip(&theirs)
        .filter(|((_, ours), theirs)| &escape(ours) != *theirs)
        .map(|((case, ours), theirs)| {
            format!("{case}\n   krait:  {}\n   python: {theirs}", escape(ours))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{what}: {} of {} cases differ; first ones:\n{}",
        failures.len(),
        cases.len(),
        failures[..failures.len().min(shown)].join("\n")
    );
    eprintln!("{what}: {} cases", cases.len());
    if let Some(every) = std::env::var("KRAIT_SHOW_CASES")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
    {
        for (case, answer) in inputs.iter().zip(&theirs).step_by(every.max(1)) {
            eprintln!("  {case}\n    -> {answer}");
        }
    }
}

/// The pending exception as "ERR Name: message" (and cleared).
pub fn error_text() -> String {
    unsafe {
        assert!(kr_error_occurred(), "failure without an exception");
        let kind = CStr::from_ptr(kr_exc_kind_name(kr_error_kind())).to_string_lossy();
        let msg = CStr::from_ptr(kr_error_message()).to_string_lossy();
        let text = format!("ERR {kind}: {msg}");
        kr_error_clear();
        text
    }
}

/// Asserts that no exception is pending.
pub fn no_error() {
    assert!(!unsafe { kr_error_occurred() }, "exception left set");
}
