//! krait's end-to-end proof: every program under `tests/programs/` is run by
//! `python3 prog.py` and by `krait run prog.py`; stdout, the exit code and the last
//! line of stderr must be identical, and when the program ends with an uncaught
//! exception the whole report too (frames, source lines, 3.11's caret lines), unless
//! the program is listed in `tests/programs/TRACEBACKS_DIFFER` with the reason.
//!
//! Programs krait cannot compile yet are listed in `tests/programs/PENDING`, one path
//! (relative to `tests/programs/`) per line, then `# reason`. For those the harness
//! asserts that krait still *reports* them as unsupported (the "not supported by
//! krait's native compiler yet" diagnostic, exit code 1, or a run-time error whose last
//! line says "krait does not support ..."): a pending program can never
//! crash or print a wrong answer silently, and one that starts working fails the test
//! until it is taken off the list.
//!
//! Knobs (environment variables):
//! - `KRAIT_PROGRAMS_FILTER=text`: only programs whose path contains `text`;
//! - `KRAIT_PROGRAMS_OPT=N`: `krait run -O N` (default 1: the tests check answers,
//!   not speed, and -O1 keeps LLVM's share of the run small);
//! - `KRAIT_PROGRAMS_THREADS=N`: programs run in parallel (default: the number of
//!   cores, at most 4);
//! - `KRAIT_PYTHON=path`: the reference interpreter (default `python3`).
//!
//! The summary line (matched / pending / failed) is printed to stderr; `cargo test
//! --test programs_vs_cpython -- --nocapture` shows it when the test passes.
//!
//! Executables are cached under `target/tmp/programs-cache` (`KRAIT_CACHE_DIR`), so
//! the source tree stays clean and a second run compiles nothing that did not change.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The diagnostic krait prints for a construct outside its native subset.
const UNSUPPORTED: &str = "not supported by krait's native compiler yet";

/// How the runtime words an error for a value it cannot represent yet (a complex
/// result, say): reported at run time, but just as loudly.
const UNSUPPORTED_AT_RUN_TIME: &str = "krait does not support";

/// The longest a program may run (krait's time includes compiling it).
const PYTHON_TIMEOUT: Duration = Duration::from_secs(20);
const KRAIT_TIMEOUT: Duration = Duration::from_secs(120);

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs")
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::create_dir_all(&dir).expect("create a directory under target/tmp");
    dir
}

/// What one run of a program produced, as far as the comparison cares.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Outcome {
    stdout: Vec<u8>,
    /// The whole of stderr, for messages; only its last line is compared.
    stderr: String,
    /// The exit code, or a description of the signal or timeout that ended it.
    exit: String,
}

impl Outcome {
    fn last_stderr_line(&self) -> &str {
        self.stderr.lines().last().unwrap_or("")
    }
}

/// Every `.py` file under `dir`, as `/`-separated paths relative to it, sorted.
fn collect_programs(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "__pycache__") {
                    walk(root, &path, out);
                }
            } else if path.extension().is_some_and(|e| e == "py") {
                if let Ok(relative) = path.strip_prefix(root) {
                    let parts: Vec<_> = relative
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy().into_owned())
                        .collect();
                    out.push(parts.join("/"));
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// `PENDING` (or another list in its format): path -> reason. Blank lines and
/// lines starting with `#` are comments.
fn read_pending(dir: &Path) -> BTreeMap<String, String> {
    read_list(dir, "PENDING")
}

fn read_list(dir: &Path, name: &str) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| match line.split_once('#') {
            Some((path, reason)) => (path.trim().to_string(), reason.trim().to_string()),
            None => (line.to_string(), String::new()),
        })
        .collect()
}

/// The reference interpreter, resolved to its real executable once: a version
/// manager's shim (pyenv's is a shell script) costs more than a small program does.
fn python_executable() -> String {
    let python = std::env::var("KRAIT_PYTHON").unwrap_or_else(|_| "python3".to_string());
    let resolved = Command::new(&python)
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .filter(|s| !s.is_empty());
    resolved.unwrap_or(python)
}

fn describe(status: ExitStatus) -> String {
    match status.code() {
        Some(code) => code.to_string(),
        None => {
            #[cfg(unix)]
            {
                use std::os::unix::process::ExitStatusExt;
                if let Some(signal) = status.signal() {
                    return format!("killed by signal {signal}");
                }
            }
            "killed".to_string()
        }
    }
}

/// Runs `command` with stdout and stderr sent to files (no pipe can fill up and
/// block it), killing it after `timeout`.
fn run(mut command: Command, scratch: &Path, tag: &str, timeout: Duration) -> Outcome {
    let out_path = scratch.join(format!("{tag}.out"));
    let err_path = scratch.join(format!("{tag}.err"));
    let (Ok(out), Ok(err)) = (
        std::fs::File::create(&out_path),
        std::fs::File::create(&err_path),
    ) else {
        return Outcome {
            stdout: Vec::new(),
            stderr: format!("cannot create {}", out_path.display()),
            exit: "not run".into(),
        };
    };
    command.stdin(Stdio::null()).stdout(out).stderr(err);
    let exit = match command.spawn() {
        Err(e) => format!("cannot start: {e}"),
        Ok(mut child) => {
            let start = Instant::now();
            loop {
                match child.try_wait() {
                    Ok(Some(status)) => break describe(status),
                    Ok(None) if start.elapsed() > timeout => {
                        let _ = child.kill();
                        let _ = child.wait();
                        break format!("timed out after {} s", timeout.as_secs());
                    }
                    Ok(None) => std::thread::sleep(Duration::from_millis(5)),
                    Err(e) => break format!("wait failed: {e}"),
                }
            }
        }
    };
    let outcome = Outcome {
        stdout: std::fs::read(&out_path).unwrap_or_default(),
        stderr: String::from_utf8_lossy(&std::fs::read(&err_path).unwrap_or_default()).into_owned(),
        exit,
    };
    let _ = std::fs::remove_file(&out_path);
    let _ = std::fs::remove_file(&err_path);
    outcome
}

/// A private name for the krait binary under test: other builds in the same tree
/// replace `target/debug/krait` while the programs run, and a run must not pick up
/// a half-written or different binary. A hard link keeps the inode this test was
/// built with; a copy is the fallback.
fn pinned_krait(scratch: &Path) -> PathBuf {
    let original = PathBuf::from(env!("CARGO_BIN_EXE_krait"));
    let pinned = scratch.join("krait");
    let _ = std::fs::remove_file(&pinned);
    if std::fs::hard_link(&original, &pinned).is_ok() || std::fs::copy(&original, &pinned).is_ok() {
        pinned
    } else {
        original
    }
}

/// The environment both interpreters see: deterministic and UTF-8.
fn common_env(command: &mut Command) {
    command
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("LC_ALL", "C.UTF-8");
}

/// The verdict on one program.
enum Verdict {
    Matched,
    Pending,
    Failed(String),
}

struct Setup {
    dir: PathBuf,
    scratch: PathBuf,
    cache: PathBuf,
    python: String,
    krait: PathBuf,
    opt: String,
    /// Programs whose traceback is known to differ from CPython's above its last
    /// line (`TRACEBACKS_DIFFER`), with the reason.
    traceback_differences: BTreeMap<String, String>,
}

fn check_program(setup: &Setup, program: &str, pending: Option<&str>) -> Verdict {
    let tag = program.replace(['/', '.'], "_");

    let mut python = Command::new(&setup.python);
    python.arg(program).current_dir(&setup.dir);
    common_env(&mut python);
    let expected = run(
        python,
        &setup.scratch,
        &format!("{tag}.python"),
        PYTHON_TIMEOUT,
    );

    let mut krait = Command::new(&setup.krait);
    krait
        .args(["run", "-O", &setup.opt, program])
        .current_dir(&setup.dir)
        .env("KRAIT_CACHE_DIR", &setup.cache);
    common_env(&mut krait);
    let actual = run(
        krait,
        &setup.scratch,
        &format!("{tag}.krait"),
        KRAIT_TIMEOUT,
    );

    let same = expected.stdout == actual.stdout
        && expected.exit == actual.exit
        && expected.last_stderr_line() == actual.last_stderr_line();
    // An uncaught exception's whole report must match: frames, source lines and
    // 3.11's caret lines, not only the exception line.
    let known_difference = setup.traceback_differences.get(program);
    if same && pending.is_none() && expected.exit != "0" {
        let identical = expected.stderr == actual.stderr;
        match known_difference {
            None if !identical => {
                return Verdict::Failed(format!(
                    "the traceback differs from python3's (list it in tests/programs/TRACEBACKS_DIFFER if that is expected)\n--- python3:\n{}--- krait:\n{}",
                    expected.stderr, actual.stderr
                ))
            }
            Some(_) if identical => {
                return Verdict::Failed(
                    "listed in TRACEBACKS_DIFFER but the traceback now matches python3's: take it off the list"
                        .into(),
                )
            }
            _ => {}
        }
    }
    match pending {
        Some(_) if actual.exit == "1" && reports_unsupported(&actual) => Verdict::Pending,
        Some(_) if same => Verdict::Failed(
            "listed in PENDING but now matches python3: take it off the list".into(),
        ),
        Some(reason) => Verdict::Failed(format!(
            "listed in PENDING ({reason}) but krait did not report it as unsupported\n{}",
            difference(&expected, &actual)
        )),
        None if same => Verdict::Matched,
        None if reports_unsupported(&actual) => Verdict::Failed(format!(
            "krait reports it as unsupported: list it in tests/programs/PENDING if that is expected\n{}",
            difference(&expected, &actual)
        )),
        None => Verdict::Failed(difference(&expected, &actual)),
    }
}

/// Whether krait said, at compile time or at run time, that it cannot do this yet.
fn reports_unsupported(outcome: &Outcome) -> bool {
    outcome.stderr.contains(UNSUPPORTED)
        || outcome.last_stderr_line().contains(UNSUPPORTED_AT_RUN_TIME)
}

/// A short account of how two outcomes differ.
fn difference(expected: &Outcome, actual: &Outcome) -> String {
    let mut text = String::new();
    if expected.exit != actual.exit {
        text += &format!(
            "  exit code: python3 {}, krait {}\n",
            expected.exit, actual.exit
        );
    }
    if expected.stdout != actual.stdout {
        let want = String::from_utf8_lossy(&expected.stdout);
        let got = String::from_utf8_lossy(&actual.stdout);
        let mut want_lines = want.split_inclusive('\n');
        let mut got_lines = got.split_inclusive('\n');
        let mut line = 1;
        loop {
            match (want_lines.next(), got_lines.next()) {
                (Some(w), Some(g)) if w == g => line += 1,
                (w, g) => {
                    text += &format!(
                        "  stdout differs at line {line}:\n    python3: {:?}\n    krait:   {:?}\n",
                        w.unwrap_or("<end of output>"),
                        g.unwrap_or("<end of output>")
                    );
                    break;
                }
            }
        }
    }
    if expected.last_stderr_line() != actual.last_stderr_line() {
        text += &format!(
            "  last stderr line:\n    python3: {:?}\n    krait:   {:?}\n",
            expected.last_stderr_line(),
            actual.last_stderr_line()
        );
    }
    let stderr: Vec<&str> = actual.stderr.lines().take(12).collect();
    if !stderr.is_empty() && expected.stderr != actual.stderr {
        text += "  krait's stderr (first lines):\n";
        for line in stderr {
            text += &format!("    | {line}\n");
        }
    }
    text
}

#[test]
fn programs_match_cpython() {
    let dir = programs_dir();
    let all = collect_programs(&dir);
    let pending = read_pending(&dir);
    assert!(
        all.len() >= 150,
        "expected at least 150 programs, found {}",
        all.len()
    );

    // A stale PENDING entry would hide nothing, but it is a sign of a renamed file.
    let stale: Vec<&String> = pending
        .keys()
        .filter(|p| !all.iter().any(|a| a == *p))
        .collect();
    assert!(
        stale.is_empty(),
        "PENDING lists programs that do not exist: {stale:?}"
    );

    let filter = std::env::var("KRAIT_PROGRAMS_FILTER").unwrap_or_default();
    let selected: Vec<&String> = all.iter().filter(|p| p.contains(&filter)).collect();
    let threads = std::env::var("KRAIT_PROGRAMS_THREADS")
        .ok()
        .and_then(|t| t.parse::<usize>().ok())
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2)
                .min(4)
        })
        .max(1);
    let scratch = scratch_dir(&format!("programs-run-{}", std::process::id()));
    let setup = Setup {
        krait: pinned_krait(&scratch),
        scratch,
        cache: scratch_dir("programs-cache"),
        python: python_executable(),
        opt: std::env::var("KRAIT_PROGRAMS_OPT").unwrap_or_else(|_| "1".to_string()),
        traceback_differences: read_list(&dir, "TRACEBACKS_DIFFER"),
        dir,
    };

    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(String, Verdict)>> = Mutex::new(Vec::new());
    let start = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(program) = selected.get(index) else {
                    break;
                };
                let reason = pending.get(program.as_str()).map(String::as_str);
                let verdict = check_program(&setup, program, reason);
                if let Ok(mut results) = results.lock() {
                    results.push((program.to_string(), verdict));
                }
            });
        }
    });
    let _ = std::fs::remove_dir_all(&setup.scratch);

    let mut results = results.into_inner().unwrap_or_default();
    results.sort_by(|a, b| a.0.cmp(&b.0));
    let (mut matched, mut waiting, mut failures) = (0, 0, Vec::new());
    for (program, verdict) in &results {
        match verdict {
            Verdict::Matched => matched += 1,
            Verdict::Pending => waiting += 1,
            Verdict::Failed(why) => failures.push(format!("FAILED {program}\n{why}")),
        }
    }
    for failure in &failures {
        eprintln!("{failure}");
    }
    eprintln!(
        "programs vs CPython: {matched} matched, {waiting} pending, {} failed ({} programs, {} threads, -O{}, {:.1} s)",
        failures.len(),
        results.len(),
        threads,
        setup.opt,
        start.elapsed().as_secs_f64()
    );
    assert!(
        failures.is_empty(),
        "{} program(s) differ from python3 (see above)",
        failures.len()
    );
}
