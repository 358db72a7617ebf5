//! Shared machinery of the differential tests: find the host CPython and its
//! standard library, choose the files to compare, ask CPython for its verdict on
//! all of them in one process, run krait over them in parallel, and report.
//!
//! `KRAIT_PYTHON` names the interpreter (default `python3`); it must be CPython 3.11,
//! the version krait's frontend reproduces.

#![allow(dead_code)] // Each test binary uses a different part of this module.

use std::fmt::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The interpreter the tests compare against.
pub fn python() -> String {
    std::env::var("KRAIT_PYTHON").unwrap_or_else(|_| "python3".to_string())
}

/// Runs a one-line Python program and returns its trimmed standard output.
fn python_eval(code: &str) -> String {
    let python = python();
    let output = Command::new(&python)
        .args(["-c", code])
        .output()
        .unwrap_or_else(|e| panic!("cannot run {python} (set KRAIT_PYTHON): {e}"));
    assert!(
        output.status.success(),
        "{python} -c {code:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

/// The reference interpreter's standard library directory, after checking that it
/// is CPython 3.11 (another version parses differently, and every comparison would
/// be noise).
pub fn stdlib_dir() -> PathBuf {
    let version = python_eval(
        "import sys, platform; print(platform.python_implementation(), *sys.version_info[:2])",
    );
    assert_eq!(
        version, "CPython 3 11",
        "the differential tests need CPython 3.11 (set KRAIT_PYTHON)"
    );
    PathBuf::from(python_eval(
        "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
    ))
}

/// Every `.py` file under `dir`, excluding `site-packages`, sorted by path.
pub fn python_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            // `file_type` does not follow symlinks, so a linked directory cannot
            // make the walk loop.
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                if entry.file_name() != "site-packages" {
                    pending.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "py") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// True for the stdlib files CPython itself rejects (Python 2 test data, bad coding
/// cookies, deliberate syntax errors): they must be in every sample.
fn is_known_bad(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let parent = path
        .parent()
        .map(|p| p.to_string_lossy())
        .unwrap_or_default();
    name.starts_with("bad_coding")
        || name.starts_with("badsyntax_")
        || parent.ends_with("lib2to3/tests/data")
}

/// A deterministic sample of at least `at_least` files spread over the whole tree
/// (every k-th file in path order), plus every file CPython is known to reject.
pub fn sample(files: &[PathBuf], at_least: usize) -> Vec<PathBuf> {
    let step = (files.len() / at_least.max(1)).max(1);
    let mut chosen: Vec<PathBuf> = files
        .iter()
        .enumerate()
        .filter(|(i, path)| i % step == 0 || is_known_bad(path))
        .map(|(_, path)| path.clone())
        .collect();
    chosen.dedup();
    chosen
}

/// The files a test runs on: all of the stdlib when `full`, else the sample.
pub fn files_under_test(full: bool) -> (PathBuf, Vec<PathBuf>) {
    let dir = stdlib_dir();
    let all = python_files(&dir);
    assert!(
        all.len() > 1000,
        "only {} .py files under {}",
        all.len(),
        dir.display()
    );
    let files = if full { all } else { sample(&all, 300) };
    (dir, files)
}

/// CPython's verdict on one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// The file was accepted; this is what the reference script printed for it.
    Ok(String),
    /// The file was rejected with this exception class, at this line if it had one.
    Error { class: String, line: Option<u32> },
}

/// CPython's verdicts on a list of files, as the reference script left them in a
/// temporary directory (removed on drop). They are read one at a time, so a run over
/// the whole stdlib (a quarter of a gigabyte of `ast.dump` text) never holds more
/// than a few in memory.
pub struct References {
    dir: PathBuf,
    count: usize,
}

impl References {
    /// CPython's verdict on the `index`-th file.
    pub fn get(&self, index: usize) -> Reference {
        assert!(index < self.count, "no reference for file {index}");
        let path = self.dir.join(format!("{index}.txt"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        parse_reference(text)
            .unwrap_or_else(|| panic!("{}: unexpected reference output", path.display()))
    }
}

impl Drop for References {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Runs `tests/reference/<script>` once over all `files`; the script writes one
/// output file per input into a temporary directory (see the scripts' docstrings
/// for the format).
pub fn run_reference(script: &str, files: &[PathBuf]) -> References {
    let script_path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/reference")
        .join(script);
    // Unique per process and per call: tests of one binary run in parallel.
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "reference-{}-{}-{}",
        script.trim_end_matches(".py"),
        std::process::id(),
        RUNS.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create reference output directory");
    let references = References {
        dir,
        count: files.len(),
    };
    let list_path = references.dir.join("files.txt");
    let mut list = String::new();
    for file in files {
        let name = file.to_str().expect("stdlib paths are UTF-8");
        assert!(!name.contains('\n'), "a path with a newline: {name:?}");
        list.push_str(name);
        list.push('\n');
    }
    std::fs::write(&list_path, list).expect("write the file list");

    let python = python();
    let output = Command::new(&python)
        .arg(&script_path)
        .arg(&list_path)
        .arg(&references.dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {python}: {e}"));
    assert!(
        output.status.success(),
        "{} failed: {}",
        script_path.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    references
}

fn parse_reference(mut text: String) -> Option<Reference> {
    if text.starts_with("OK\n") {
        text.drain(..3);
        return Some(Reference::Ok(text));
    }
    let mut words = text.strip_prefix("ERROR ")?.split_whitespace();
    let class = words.next()?.to_string();
    let line = words.next()?.parse().ok();
    Some(Reference::Error { class, line })
}

/// krait's verdict on one file, in the reference's terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Krait {
    Ok(String),
    /// Rejected: the error's kind, line, and one-line rendering.
    Error {
        class: String,
        line: u32,
        short: String,
    },
    Panicked(String),
}

/// The outcome of comparing one file.
#[derive(Debug, Clone)]
enum Judgement {
    /// The same text.
    Identical,
    /// Both rejected it; with a note when the lines differ.
    RejectedByBoth {
        note: Option<String>,
    },
    Mismatch(String),
}

fn judge(name: &str, reference: &Reference, ours: &Krait) -> Judgement {
    match (reference, ours) {
        (Reference::Ok(expected), Krait::Ok(actual)) if expected == actual => Judgement::Identical,
        (Reference::Ok(expected), Krait::Ok(actual)) => {
            Judgement::Mismatch(format!("{name}: {}", first_difference(expected, actual)))
        }
        (Reference::Ok(_), Krait::Error { short, .. }) => Judgement::Mismatch(format!(
            "{name}: CPython accepts it, krait rejects it: {short}"
        )),
        (Reference::Error { class, line }, Krait::Ok(_)) => Judgement::Mismatch(format!(
            "{name}: CPython rejects it ({class} at line {}), krait accepts it",
            line_text(*line)
        )),
        (
            Reference::Error { class, line },
            Krait::Error {
                line: ours, short, ..
            },
        ) => {
            let note = (*line != Some(*ours)).then(|| {
                format!(
                    "{name}: CPython: {class} at line {}; krait: {short}",
                    line_text(*line)
                )
            });
            Judgement::RejectedByBoth { note }
        }
        (_, Krait::Panicked(message)) => {
            Judgement::Mismatch(format!("{name}: krait panicked: {message}"))
        }
    }
}

/// Runs `check` on every file and compares it with CPython's verdict, on all cores.
/// Each call runs on a thread with a large stack (deeply nested code recurses
/// deeply) and with panics caught, so one bad file is reported rather than ending
/// the run.
pub fn compare(
    what: &'static str,
    stdlib: &Path,
    files: &[PathBuf],
    references: &References,
    check: impl Fn(&str, &[u8]) -> Krait + Sync,
) -> Comparison {
    let next = AtomicUsize::new(0);
    let judgements: Mutex<Vec<Option<Judgement>>> = Mutex::new(vec![None; files.len()]);
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            std::thread::Builder::new()
                .stack_size(256 << 20)
                .spawn_scoped(scope, || loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    let ours = match std::fs::read(path) {
                        Ok(bytes) => {
                            let name = path.display().to_string();
                            panic::catch_unwind(AssertUnwindSafe(|| check(&name, &bytes)))
                                .unwrap_or_else(|payload| Krait::Panicked(panic_text(&payload)))
                        }
                        Err(e) => Krait::Panicked(format!("cannot read: {e}")),
                    };
                    let name = path.strip_prefix(stdlib).unwrap_or(path).display();
                    let judgement = judge(&name.to_string(), &references.get(i), &ours);
                    judgements.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(judgement);
                })
                .expect("spawn a test worker");
        }
    });
    let judgements = judgements.into_inner().unwrap_or_else(|e| e.into_inner());
    Comparison::new(what, judgements)
}

fn panic_text(payload: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic with a non-string payload".into()
    }
}

/// Turns a frontend syntax error into krait's side of a comparison.
pub fn krait_error(file: &frontend::SourceFile, error: &frontend::SyntaxError) -> Krait {
    let (line, _) = error.line_col(file);
    Krait::Error {
        class: error.kind.name().to_string(),
        line,
        short: error.short(file),
    }
}

/// The position of the first difference between two texts, with some context of
/// each, for a failure message.
pub fn first_difference(expected: &str, actual: &str) -> String {
    let at = expected
        .bytes()
        .zip(actual.bytes())
        .position(|(a, b)| a != b)
        .unwrap_or(expected.len().min(actual.len()));
    // `ast.dump` output is one line; a symbol-table dump has many.
    let line = expected[..floor_boundary(expected, at)]
        .matches('\n')
        .count()
        + 1;
    let where_ = if expected.trim_end().contains('\n') {
        format!(" (output line {line})")
    } else {
        String::new()
    };
    format!(
        "first difference at byte {at}{where_}:\n      cpython: …{}…\n      krait:   …{}…",
        context(expected, at),
        context(actual, at)
    )
}

/// About 80 bytes of `text` before and after `at`, on char boundaries.
fn context(text: &str, at: usize) -> String {
    let start = floor_boundary(text, at.saturating_sub(80));
    let end = floor_boundary(text, (at + 80).min(text.len()));
    text[start..end].replace('\n', "⏎")
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Compares krait with CPython on every file; the outcome of a whole run.
pub struct Comparison {
    pub what: &'static str,
    pub total: usize,
    /// Files where krait printed exactly what CPython printed, or rejected a file
    /// CPython rejects.
    pub identical: usize,
    /// Descriptions of the files that differ.
    pub mismatches: Vec<String>,
    /// Rejections that agree, but on a different line (reported, not a failure).
    pub line_notes: Vec<String>,
    pub rejected_by_both: usize,
}

impl Comparison {
    /// Counts the per-file judgements, in file order.
    fn new(what: &'static str, judgements: Vec<Option<Judgement>>) -> Comparison {
        let mut result = Comparison {
            what,
            total: judgements.len(),
            identical: 0,
            mismatches: Vec::new(),
            line_notes: Vec::new(),
            rejected_by_both: 0,
        };
        for judgement in judgements {
            match judgement.unwrap_or(Judgement::Mismatch("a file was never compared".into())) {
                Judgement::Identical => result.identical += 1,
                Judgement::RejectedByBoth { note } => {
                    result.identical += 1;
                    result.rejected_by_both += 1;
                    result.line_notes.extend(note);
                }
                Judgement::Mismatch(message) => result.mismatches.push(message),
            }
        }
        result
    }

    /// The one-line summary `scripts/check-stdlib` greps for.
    pub fn summary(&self) -> String {
        format!(
            "{}: {}/{} identical ({} rejected by both, {} of those on another line)",
            self.what,
            self.identical,
            self.total,
            self.rejected_by_both,
            self.line_notes.len()
        )
    }

    /// Prints the summary and the line notes, then fails with the first few
    /// mismatches unless every file matched.
    pub fn assert_all_identical(&self) {
        println!("{}", self.summary());
        for note in self.line_notes.iter().take(10) {
            println!("  note: {note}");
        }
        if self.mismatches.is_empty() {
            return;
        }
        let mut message = format!("{}\nfirst mismatches:\n", self.summary());
        for mismatch in self.mismatches.iter().take(8) {
            let _ = writeln!(message, "  {mismatch}");
        }
        if self.mismatches.len() > 8 {
            let _ = writeln!(message, "  ... and {} more", self.mismatches.len() - 8);
        }
        panic!("{message}");
    }
}

fn line_text(line: Option<u32>) -> String {
    line.map_or_else(|| "-".to_string(), |l| l.to_string())
}

/// A fresh, empty directory for one test's files, under Cargo's per-target temp
/// directory; `binary` keeps the test binaries' directories apart.
pub fn scratch_dir(binary: &str, test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("{binary}-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a scratch directory");
    dir
}

/// Writes `text` to `dir/name` and returns the path as a string.
pub fn write_file(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write a test file");
    path.to_str().expect("UTF-8 temp path").to_string()
}
