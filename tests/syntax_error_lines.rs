//! Syntax errors are reported on CPython's line.
//!
//! `tests/reference/make_broken_corpus.py` breaks ~1000 stdlib files with
//! token-level edits, keeps the ones `ast.parse` rejects and records CPython's
//! (exception class, lineno, offset, msg) for each. This test parses every one
//! with krait and requires that
//!
//! * krait rejects every case (accepting what CPython rejects is a failure), and
//! * the line of krait's error equals CPython's `lineno` for at least 95% of them.
//!
//! It also prints how often the exception class, the column and the message text
//! agree, which are not asserted yet. `KRAIT_BROKEN_COUNT` changes the corpus size.

use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::Command;

const REQUIRED_LINE_AGREEMENT: f64 = 0.95;

/// One broken file and CPython's verdict on it.
struct Case {
    id: String,
    stdlib_file: String,
    edit: String,
    class: String,
    lineno: Option<u32>,
    offset: Option<u32>,
    msg: String,
    bytes: Vec<u8>,
}

/// What krait said about a case.
enum Verdict {
    Accepted,
    Rejected {
        class: &'static str,
        line: u32,
        column: u32,
        message: String,
    },
    Panicked,
}

fn unescape(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

fn number(field: &str) -> Option<u32> {
    field.parse().ok()
}

/// Runs the generator; `None` (with a message) when python3 is unavailable.
fn generate_corpus(out: &Path, count: usize) -> Option<()> {
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference/make_broken_corpus.py");
    let status = Command::new("python3")
        .arg(&script)
        .arg(out)
        .args(["--count", &count.to_string()])
        .status();
    match status {
        Ok(s) if s.success() => Some(()),
        Ok(s) => panic!("{} failed: {s}", script.display()),
        Err(e) => {
            eprintln!("syntax_error_lines: cannot run python3 ({e}); skipping");
            None
        }
    }
}

fn load_corpus(dir: &Path) -> Vec<Case> {
    let index = std::fs::read_to_string(dir.join("index.tsv")).expect("read index.tsv");
    let mut cases = Vec::new();
    for line in index.lines().filter(|l| !l.is_empty()) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [id, file, edit, class, lineno, offset, _end_lineno, _end_offset, msg] = fields[..]
        else {
            panic!("malformed index line: {line:?}");
        };
        let bytes = std::fs::read(dir.join("cases").join(format!("{id}.py")))
            .unwrap_or_else(|e| panic!("read case {id}: {e}"));
        cases.push(Case {
            id: id.to_string(),
            stdlib_file: unescape(file),
            edit: unescape(edit),
            class: class.to_string(),
            lineno: number(lineno),
            offset: number(offset),
            msg: unescape(msg),
            bytes,
        });
    }
    cases
}

fn run_krait(bytes: &[u8]) -> Verdict {
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        let (file, result) = frontend::parse_bytes("<case>", bytes);
        match result {
            Ok(_) => Verdict::Accepted,
            // The parser thread's panics come back as "internal error: ...".
            Err(error) if error.message.starts_with("internal error") => Verdict::Panicked,
            Err(error) => {
                let (line, column) = error.line_col(&file);
                Verdict::Rejected {
                    class: error.kind.name(),
                    line,
                    column,
                    message: error.message.clone(),
                }
            }
        }
    }));
    result.unwrap_or(Verdict::Panicked)
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// Counts of a key, printed most frequent first.
fn print_breakdown(title: &str, counts: &BTreeMap<String, usize>, limit: usize) {
    let mut sorted: Vec<(&String, &usize)> = counts.iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!("{title}");
    for (key, count) in sorted.into_iter().take(limit) {
        println!("  {count:5}  {key}");
    }
}

/// CPython messages that embed a line number ("detected at line 12") are grouped.
fn message_family(msg: &str) -> String {
    match msg.find(" line ") {
        Some(at) if msg[at + 6..].starts_with(|c: char| c.is_ascii_digit()) => {
            format!(
                "{} line N{}",
                &msg[..at],
                if msg.ends_with(')') { ")" } else { "" }
            )
        }
        _ => msg.to_string(),
    }
}

#[test]
fn syntax_errors_are_on_cpythons_line() {
    let count = std::env::var("KRAIT_BROKEN_COUNT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("broken-corpus");
    if generate_corpus(&dir, count).is_none() {
        return;
    }
    let cases = load_corpus(&dir);
    assert!(!cases.is_empty(), "the generator produced no cases");

    let mut accepted = Vec::new();
    let mut panicked = Vec::new();
    let mut line_ok = 0;
    let mut class_ok = 0;
    let mut column_ok = 0;
    let mut message_ok = 0;
    let mut mismatches_by_msg: BTreeMap<String, usize> = BTreeMap::new();
    let mut message_misses: BTreeMap<String, usize> = BTreeMap::new();
    let mut examples = Vec::new();

    for case in &cases {
        match run_krait(&case.bytes) {
            Verdict::Accepted => accepted.push(case),
            Verdict::Panicked => panicked.push(case),
            Verdict::Rejected {
                class,
                line,
                column,
                message,
            } => {
                class_ok += usize::from(class == case.class);
                message_ok += usize::from(message == case.msg);
                if message != case.msg {
                    let key = format!(
                        "{:?} -> {:?}",
                        message_family(&case.msg),
                        message_family(&message)
                    );
                    *message_misses.entry(key).or_default() += 1;
                }
                if Some(line) == case.lineno {
                    line_ok += 1;
                    column_ok += usize::from(Some(column) == case.offset);
                } else {
                    *mismatches_by_msg
                        .entry(message_family(&case.msg))
                        .or_default() += 1;
                    examples.push(format!(
                        "{} {} [{}]\n      CPython {}:{} {}: {}\n      krait   {}:{} {}: {}",
                        case.id,
                        case.stdlib_file,
                        case.edit,
                        case.lineno.map_or("-".into(), |l| l.to_string()),
                        case.offset.map_or("-".into(), |c| c.to_string()),
                        case.class,
                        case.msg,
                        line,
                        column,
                        class,
                        message
                    ));
                }
            }
        }
    }

    let total = cases.len();
    let rejected = total - accepted.len() - panicked.len();
    println!("syntax_error_lines: {total} broken stdlib variants (CPython rejects all)");
    println!(
        "  krait rejects        {rejected:5} ({:.1}%)",
        percent(rejected, total)
    );
    println!(
        "  same line            {line_ok:5} ({:.1}%)",
        percent(line_ok, total)
    );
    println!(
        "  same line and column {column_ok:5} ({:.1}%)",
        percent(column_ok, total)
    );
    println!(
        "  same exception class {class_ok:5} ({:.1}%)",
        percent(class_ok, total)
    );
    println!(
        "  same message text    {message_ok:5} ({:.1}%)",
        percent(message_ok, total)
    );
    if !mismatches_by_msg.is_empty() {
        print_breakdown(
            "line mismatches by CPython message:",
            &mismatches_by_msg,
            25,
        );
        println!(
            "examples of line mismatches (case dir: {}):",
            dir.join("cases").display()
        );
        for example in examples.iter().take(12) {
            println!("  {example}");
        }
    }
    if !message_misses.is_empty() {
        print_breakdown("message mismatches, CPython -> krait:", &message_misses, 15);
    }
    for (what, list) in [
        ("ACCEPTED by krait", &accepted),
        ("PANICKED in krait", &panicked),
    ] {
        if !list.is_empty() {
            println!("{} cases {what}, e.g.:", list.len());
            for case in list.iter().take(8) {
                println!(
                    "  {} {} [{}]: CPython line {:?}: {}",
                    case.id, case.stdlib_file, case.edit, case.lineno, case.msg
                );
            }
        }
    }

    assert!(
        accepted.is_empty() && panicked.is_empty(),
        "krait accepted {} and panicked on {} inputs that CPython rejects",
        accepted.len(),
        panicked.len()
    );
    let agreement = line_ok as f64 / total as f64;
    assert!(
        agreement >= REQUIRED_LINE_AGREEMENT,
        "line agreement {:.1}% is below the required {:.0}%",
        100.0 * agreement,
        100.0 * REQUIRED_LINE_AGREEMENT
    );
}

#[test]
fn tsv_fields_unescape() {
    assert_eq!(unescape(r"a\tb\\n\n"), "a\tb\\n\n");
    assert_eq!(
        message_family("unterminated string literal (detected at line 12)"),
        "unterminated string literal (detected at line N)"
    );
    assert_eq!(
        message_family("expected an indented block after 'if' statement on line 3"),
        "expected an indented block after 'if' statement on line N"
    );
    assert_eq!(message_family("invalid syntax"), "invalid syntax");
}
