//! Differential tests of str's methods (kr_str_methods.c) against python3:
//! - a sweep over code points (all of the BMP and plane 1, the tags/variation
//!   selectors plane, and a sample of the rest; KRAIT_FULL_SWEEP=1 for all of them):
//!   the case mappings of each one alone, in a word after a capital sigma, in a word
//!   for title(), and its is* predicates;
//! - thousands of random calls of every method over strings built from tricky
//!   pieces (ß, İ, ﬁ, sigmas, titlecase digraphs, combining marks, whitespace and line
//!   breaks of every kind, digits of other scripts, astral characters, lone
//!   surrogates), with random arguments, including the failing ones.
//!
//! Results and errors (class and message) are compared as text; strings travel as hex
//! of their (WTF-)8 bytes, and every string result's cached length and ASCII flag are
//! checked against its bytes.

mod common;

use common::{error_text, no_error};
use runtime_c::ffi::*;
use std::io::Write;
use std::process::{Command, Stdio};

#[repr(C)]
struct KrList {
    type_: *const std::ffi::c_void,
    length: i64,
    capacity: i64,
    items: *mut u64,
}

extern "C" {
    fn kr_list_new(length: i64, elem: *const KrTdesc) -> *mut KrList;
    fn kr_list_append(l: *mut KrList, x: u64);
    fn kr_str_upper(s: *const KrStr) -> *mut KrStr;
    fn kr_str_lower(s: *const KrStr) -> *mut KrStr;
    fn kr_str_capitalize(s: *const KrStr) -> *mut KrStr;
    fn kr_str_title(s: *const KrStr) -> *mut KrStr;
    fn kr_str_swapcase(s: *const KrStr) -> *mut KrStr;
    fn kr_str_strip(s: *const KrStr, chars: *const KrStr) -> *mut KrStr;
    fn kr_str_lstrip(s: *const KrStr, chars: *const KrStr) -> *mut KrStr;
    fn kr_str_rstrip(s: *const KrStr, chars: *const KrStr) -> *mut KrStr;
    fn kr_str_split(s: *const KrStr, sep: *const KrStr, maxsplit: KrValue) -> *mut KrList;
    fn kr_str_rsplit(s: *const KrStr, sep: *const KrStr, maxsplit: KrValue) -> *mut KrList;
    fn kr_str_splitlines(s: *const KrStr, keepends: bool) -> *mut KrList;
    fn kr_str_join(sep: *const KrStr, parts: *const KrList) -> *mut KrStr;
    fn kr_str_startswith(s: *const KrStr, prefix: *const KrStr) -> bool;
    fn kr_str_endswith(s: *const KrStr, suffix: *const KrStr) -> bool;
    fn kr_str_find(s: *const KrStr, sub: *const KrStr) -> KrValue;
    fn kr_str_rfind(s: *const KrStr, sub: *const KrStr) -> KrValue;
    fn kr_str_index(s: *const KrStr, sub: *const KrStr) -> KrValue;
    fn kr_str_rindex(s: *const KrStr, sub: *const KrStr) -> KrValue;
    fn kr_str_count(s: *const KrStr, sub: *const KrStr) -> KrValue;
    fn kr_str_replace(
        s: *const KrStr,
        old: *const KrStr,
        new: *const KrStr,
        count: KrValue,
    ) -> *mut KrStr;
    fn kr_str_isdigit(s: *const KrStr) -> bool;
    fn kr_str_isdecimal(s: *const KrStr) -> bool;
    fn kr_str_isnumeric(s: *const KrStr) -> bool;
    fn kr_str_isalpha(s: *const KrStr) -> bool;
    fn kr_str_isalnum(s: *const KrStr) -> bool;
    fn kr_str_isspace(s: *const KrStr) -> bool;
    fn kr_str_isupper(s: *const KrStr) -> bool;
    fn kr_str_islower(s: *const KrStr) -> bool;
    fn kr_str_istitle(s: *const KrStr) -> bool;
    fn kr_str_center(s: *const KrStr, width: KrValue, fill: *const KrStr) -> *mut KrStr;
    fn kr_str_ljust(s: *const KrStr, width: KrValue, fill: *const KrStr) -> *mut KrStr;
    fn kr_str_rjust(s: *const KrStr, width: KrValue, fill: *const KrStr) -> *mut KrStr;
    fn kr_str_zfill(s: *const KrStr, width: KrValue) -> *mut KrStr;
}

/// `kr_tdesc` (see krait.h).
#[repr(C)]
struct KrTdesc {
    kind: i32,
    count: i32,
    items: *const std::ffi::c_void,
}

const KR_T_STR: i32 = 5;
static STR_DESC: KrTdesc = KrTdesc {
    kind: KR_T_STR,
    count: 0,
    items: std::ptr::null(),
};
// SAFETY: the descriptor is immutable static data.
unsafe impl Sync for KrTdesc {}

fn main() {
    unsafe { kr_runtime_init() };
    let tests: [(&str, fn()); 3] = [
        (
            "code_point_sweep_matches_python",
            code_point_sweep_matches_python,
        ),
        ("methods_match_python", methods_match_python),
        ("edge_cases_match_python", edge_cases_match_python),
    ];
    for (name, test) in tests {
        let start = std::time::Instant::now();
        test();
        println!("test {name} ... ok ({:.2?})", start.elapsed());
    }
}

// {=====================================================================
// Talking to python3
// ======================================================================

fn python(script: &str, input: String) -> Vec<u8> {
    let python = std::env::var("KRAIT_PYTHON").unwrap_or_else(|_| "python3".into());
    let mut child = Command::new(python)
        .args(["-c", script])
        .env("PYTHONIOENCODING", "utf-8:surrogatepass")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 is needed for the differential tests");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(out.status.success(), "python3 failed");
    out.stdout
}

/// Calls the method named by each case's first word on the decoded arguments. Arguments:
/// hex (a str, "-" for ''), N (None), i123 (int), T/F (bool).
const METHODS_PY: &str = r#"
import sys
def arg(x):
    if x == 'N': return None
    if x == '-': return ''
    if x[0] == 'i': return int(x[1:])
    if x in ('T', 'F'): return x == 'T'
    return bytes.fromhex(x).decode('utf-8', 'surrogatepass')
def h(x): return 'S' + x.encode('utf-8', 'surrogatepass').hex()
def out(r):
    if isinstance(r, str): return h(r)
    if isinstance(r, list): return 'L' + ','.join(h(x) for x in r)
    if isinstance(r, bool): return 'B%d' % r
    return 'I%d' % r
def run(op, a):
    args = [arg(x) for x in a]
    if op == 'join': return out(args[0].join(args[1:]))
    if op in ('center', 'ljust', 'rjust') and args[-1] is None: args.pop()
    return out(getattr(args[0], op)(*args[1:]))
for line in sys.stdin:
    op, *a = line.split()
    try:
        r = run(op, a)
    except Exception as e:
        r = 'ERR %s: %s' % (type(e).__name__, e)
    print(r)
"#;

// }=====================================================================

// {=====================================================================
// Values
// ======================================================================

fn hex(bytes: &[u8]) -> String {
    if bytes.is_empty() {
        return "-".into();
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len() / 2)
        .filter_map(|k| u8::from_str_radix(&text[2 * k..2 * k + 2], 16).ok())
        .collect()
}

fn kstr(bytes: &[u8]) -> *mut KrStr {
    unsafe { kr_str_from_utf8(bytes.as_ptr().cast(), bytes.len()) }
}

fn str_bytes(s: *const KrStr) -> Vec<u8> {
    unsafe {
        let data = s.add(1).cast::<u8>();
        std::slice::from_raw_parts(data, (*s).size as usize).to_vec()
    }
}

/// Shows WTF-8 bytes readably (lone surrogates as \u escapes).
fn show(bytes: &[u8]) -> String {
    let mut out = String::from("'");
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                out.push_str(&text.escape_debug().to_string());
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                let text = std::str::from_utf8(&rest[..good]).unwrap();
                out.push_str(&text.escape_debug().to_string());
                if rest.len() >= good + 3 && rest[good] == 0xED {
                    let cp = ((rest[good] as u32 & 0x0F) << 12)
                        | ((rest[good + 1] as u32 & 0x3F) << 6)
                        | (rest[good + 2] as u32 & 0x3F);
                    out.push_str(&format!("\\u{{{cp:x}}}"));
                    rest = &rest[good + 3..];
                } else {
                    out.push_str(&format!("\\x{:02x}", rest[good]));
                    rest = &rest[good + 1..];
                }
            }
        }
    }
    out + "'"
}

/// Checks a string result's cached length and ASCII flag and its NUL; returns its bytes.
fn checked_bytes(s: *const KrStr) -> Vec<u8> {
    let bytes = str_bytes(s);
    let length = unsafe { (*s).length };
    let points = bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count() as i64;
    assert_eq!(length, points, "length of {}", show(&bytes));
    assert_eq!(
        unsafe { (*s).ascii } != 0,
        bytes.is_ascii(),
        "ascii flag of {}",
        show(&bytes)
    );
    // The runtime's own strings end with a NUL.
    assert_eq!(unsafe { *s.add(1).cast::<u8>().add(bytes.len()) }, 0);
    bytes
}

/// "S" + hex of a string result, after checking it.
fn checked_str(s: *const KrStr) -> String {
    let bytes = checked_bytes(s);
    let mut out = String::with_capacity(1 + 2 * bytes.len());
    out.push('S');
    for b in bytes {
        out.push(char::from(b"0123456789abcdef"[(b >> 4) as usize]));
        out.push(char::from(b"0123456789abcdef"[(b & 15) as usize]));
    }
    out
}

fn str_outcome(s: *const KrStr) -> String {
    if s.is_null() {
        return error_text();
    }
    no_error();
    checked_str(s)
}

fn list_outcome(l: *const KrList) -> String {
    if l.is_null() {
        return error_text();
    }
    no_error();
    let items = unsafe { std::slice::from_raw_parts((*l).items, (*l).length as usize) };
    let parts: Vec<String> = items
        .iter()
        .map(|&p| checked_str(p as *const KrStr))
        .collect();
    format!("L{}", parts.join(","))
}

fn bool_outcome(b: bool) -> String {
    no_error();
    format!("B{}", b as i32)
}

fn int_outcome(v: KrValue) -> String {
    if v == KR_ERROR {
        return error_text();
    }
    no_error();
    assert_eq!(v & 1, 1, "an index that is not a small int");
    format!("I{}", (v as i64) >> 1)
}

fn int(text: &str) -> KrValue {
    let v = unsafe { kr_int_from_str(text.as_ptr().cast(), text.len(), 10) };
    assert_ne!(v, KR_ERROR, "bad int {text}");
    v
}

/// A method argument, as the case line and as the runtime's value.
#[derive(Clone)]
enum Arg {
    Str(Vec<u8>),
    None,
    Int(String),
    Bool(bool),
}

impl Arg {
    fn text(&self) -> String {
        match self {
            Arg::Str(b) => hex(b),
            Arg::None => "N".into(),
            Arg::Int(i) => format!("i{i}"),
            Arg::Bool(b) => (if *b { "T" } else { "F" }).into(),
        }
    }
    fn str(&self) -> *const KrStr {
        match self {
            Arg::Str(b) => kstr(b),
            Arg::None => std::ptr::null(),
            _ => panic!("not a str argument"),
        }
    }
    fn int(&self) -> KrValue {
        match self {
            Arg::Int(i) => int(i),
            _ => panic!("not an int argument"),
        }
    }
}

/// Calls the runtime's version of the method; returns the outcome as METHODS_PY prints it.
fn call(op: &str, args: &[Arg]) -> String {
    let s = || args[0].str();
    let a = |k: usize| args[k].str();
    let i = |k: usize| args[k].int();
    unsafe {
        match op {
            "upper" => str_outcome(kr_str_upper(s())),
            "lower" => str_outcome(kr_str_lower(s())),
            "capitalize" => str_outcome(kr_str_capitalize(s())),
            "title" => str_outcome(kr_str_title(s())),
            "swapcase" => str_outcome(kr_str_swapcase(s())),
            "strip" => str_outcome(kr_str_strip(s(), a(1))),
            "lstrip" => str_outcome(kr_str_lstrip(s(), a(1))),
            "rstrip" => str_outcome(kr_str_rstrip(s(), a(1))),
            "split" => list_outcome(kr_str_split(s(), a(1), i(2))),
            "rsplit" => list_outcome(kr_str_rsplit(s(), a(1), i(2))),
            "splitlines" => match args[1] {
                Arg::Bool(keep) => list_outcome(kr_str_splitlines(s(), keep)),
                _ => panic!("splitlines takes a bool"),
            },
            "join" => {
                let parts = kr_list_new(0, &STR_DESC);
                for k in 1..args.len() {
                    kr_list_append(parts, a(k) as u64);
                }
                str_outcome(kr_str_join(s(), parts))
            }
            "startswith" => bool_outcome(kr_str_startswith(s(), a(1))),
            "endswith" => bool_outcome(kr_str_endswith(s(), a(1))),
            "find" => int_outcome(kr_str_find(s(), a(1))),
            "rfind" => int_outcome(kr_str_rfind(s(), a(1))),
            "index" => int_outcome(kr_str_index(s(), a(1))),
            "rindex" => int_outcome(kr_str_rindex(s(), a(1))),
            "count" => int_outcome(kr_str_count(s(), a(1))),
            "replace" => str_outcome(kr_str_replace(s(), a(1), a(2), i(3))),
            "isdigit" => bool_outcome(kr_str_isdigit(s())),
            "isdecimal" => bool_outcome(kr_str_isdecimal(s())),
            "isnumeric" => bool_outcome(kr_str_isnumeric(s())),
            "isalpha" => bool_outcome(kr_str_isalpha(s())),
            "isalnum" => bool_outcome(kr_str_isalnum(s())),
            "isspace" => bool_outcome(kr_str_isspace(s())),
            "isupper" => bool_outcome(kr_str_isupper(s())),
            "islower" => bool_outcome(kr_str_islower(s())),
            "istitle" => bool_outcome(kr_str_istitle(s())),
            "center" => str_outcome(kr_str_center(s(), i(1), a(2))),
            "ljust" => str_outcome(kr_str_ljust(s(), i(1), a(2))),
            "rjust" => str_outcome(kr_str_rjust(s(), i(1), a(2))),
            "zfill" => str_outcome(kr_str_zfill(s(), i(1))),
            _ => panic!("unknown method {op}"),
        }
    }
}

/// Cases and the runtime's answers, checked together against python3.
#[derive(Default)]
struct Batch {
    cases: Vec<String>,
    ours: Vec<String>,
}

impl Batch {
    fn add(&mut self, op: &str, args: &[Arg]) {
        let line: Vec<String> = std::iter::once(op.to_string())
            .chain(args.iter().map(Arg::text))
            .collect();
        self.cases.push(line.join(" "));
        self.ours.push(call(op, args));
    }

    fn check(&self, what: &str) {
        let input = self.cases.join("\n") + "\n";
        let output = python(METHODS_PY, input);
        let theirs: Vec<&str> = std::str::from_utf8(&output)
            .expect("python3's answers are ASCII")
            .lines()
            .collect();
        assert_eq!(theirs.len(), self.cases.len(), "python3's answer count");
        let failures: Vec<String> = self
            .cases
            .iter()
            .zip(&self.ours)
            .zip(&theirs)
            .filter(|((_, a), b)| a != *b)
            .map(|((case, a), b)| {
                format!(
                    "{}\n   krait:  {}\n   python: {}",
                    readable_case(case),
                    readable(a),
                    readable(b)
                )
            })
            .collect();
        assert!(
            failures.is_empty(),
            "{what}: {} of {} cases differ; first ones:\n{}",
            failures.len(),
            self.cases.len(),
            failures[..failures.len().min(15)].join("\n")
        );
        println!("   {what}: {} cases agree", self.cases.len());
    }
}

fn readable_case(case: &str) -> String {
    case.split(' ')
        .enumerate()
        .map(|(k, part)| {
            if k == 0 || ["N", "T", "F"].contains(&part) || part.starts_with('i') {
                part.to_string()
            } else if part == "-" {
                "''".to_string()
            } else {
                show(&unhex(part))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn readable(answer: &str) -> String {
    if let Some(hex) = answer.strip_prefix('S') {
        return show(&unhex(hex));
    }
    if let Some(items) = answer.strip_prefix('L') {
        let shown: Vec<String> = items
            .split(',')
            .filter(|x| !x.is_empty())
            .map(|x| show(&unhex(x.trim_start_matches('S'))))
            .collect();
        return format!("[{}]", shown.join(", "));
    }
    answer.to_string()
}

struct Rng(u64);

impl Rng {
    /// The fixed seed, or another one mixed in from KRAIT_TEST_SEED to explore.
    fn seeded(seed: u64) -> Rng {
        let extra: u64 = std::env::var("KRAIT_TEST_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        Rng((seed ^ extra.wrapping_mul(0x9E37_79B9_7F4A_7C15)) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

// }=====================================================================

// {=====================================================================
// Random strings
// ======================================================================

/// WTF-8 of one code point (surrogates allowed).
fn wtf8(cp: u32) -> Vec<u8> {
    match char::from_u32(cp) {
        Some(c) => c.to_string().into_bytes(),
        None => vec![
            0xE0 | (cp >> 12) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ],
    }
}

/// Pieces that exercise the corners: full case mappings that grow (ß, ﬁ, ŉ, ΐ),
/// İ and ı, the three sigmas, titlecase digraphs, case-ignorable marks and
/// punctuation, cased letters outside Lu/Ll (ͅ, Ⅻ, ⓐ), digits and numerics of other
/// scripts, every kind of whitespace and line break, astral letters, and lone
/// surrogates (0xD800, 0xDFFF as WTF-8).
const PIECES: &[&str] = &[
    "a",
    "b",
    "z",
    "A",
    "Z",
    "x",
    "ab",
    "Ab",
    "AB",
    "hello",
    "World",
    "0",
    "7",
    "42",
    "+",
    "-",
    ".",
    "'",
    ",",
    ":",
    "_",
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1d",
    "\x1e",
    "\x1f",
    "\u{85}",
    "\u{a0}",
    "\u{1680}",
    "\u{2000}",
    "\u{200b}",
    "\u{2028}",
    "\u{2029}",
    "\u{202f}",
    "\u{3000}",
    "\u{feff}",
    "ß",
    "ẞ",
    "İ",
    "ı",
    "i\u{307}",
    "ﬁ",
    "ﬃ",
    "ŉ",
    "ΐ",
    "ǰ",
    "Σ",
    "σ",
    "ς",
    "ΑΣ",
    "ΌΣ",
    "Ǆ",
    "ǅ",
    "ǆ",
    "ǈ",
    "ǋ",
    "ǲ",
    "ᾈ",
    "ᾀ",
    "ᾼ",
    "\u{301}",
    "\u{345}",
    "\u{ad}",
    "\u{2bc}",
    "ʰ",
    "é",
    "É",
    "ÿ",
    "Ÿ",
    "K",
    "Å",
    "Ω",
    "µ",
    "ϐ",
    "ϴ",
    "ſ",
    "Ⅻ",
    "ⅻ",
    "ⓐ",
    "Ⓐ",
    "²",
    "½",
    "٣",
    "۹",
    "߀",
    "൧",
    "〇",
    "一",
    "ꭰ",
    "Ꭰ",
    "ᏸ",
    "😀",
    "𝐀",
    "𝐚",
    "𐐀",
    "𐐨",
    "𞤀",
    "𞤢",
    "𑢠",
    "\u{e0041}",
    "\u{fe0f}",
    "Ǳ",
];

const SURROGATES: &[u32] = &[0xD800, 0xDBFF, 0xDC00, 0xDFFF];

/// A random piece: one of PIECES, a lone surrogate, or a random code point.
fn random_piece(rng: &mut Rng) -> Vec<u8> {
    match rng.below(20) {
        0 => wtf8(*rng.pick(SURROGATES)),
        1 => {
            let cp = match rng.below(4) {
                0 => 0x80 + rng.below(0x780) as u32,
                1 => 0x800 + rng.below(0xF800) as u32,
                2 => 0x10000 + rng.below(0x20000) as u32,
                _ => rng.below(0x110000) as u32,
            };
            wtf8(cp)
        }
        _ => rng.pick(PIECES).as_bytes().to_vec(),
    }
}

/// A random string, as its pieces (substrings of whole pieces are valid arguments).
fn random_pieces(rng: &mut Rng, max: u64) -> Vec<Vec<u8>> {
    let n = rng.below(max + 1);
    let ascii_only = rng.chance(25);
    (0..n)
        .map(|_| loop {
            let p = random_piece(rng);
            if !ascii_only || p.is_ascii() {
                break p;
            }
        })
        .collect()
}

fn random_string(rng: &mut Rng, max: u64) -> Vec<u8> {
    random_pieces(rng, max).concat()
}

/// A run of consecutive pieces of 'pieces' (possibly empty).
fn sub_run(rng: &mut Rng, pieces: &[Vec<u8>]) -> Vec<u8> {
    if pieces.is_empty() {
        return Vec::new();
    }
    let from = rng.below(pieces.len() as u64) as usize;
    let to = from + rng.below((pieces.len() - from) as u64 + 1) as usize;
    pieces[from..to].concat()
}

/// A string made only of pieces of one class, so the predicates are often true.
fn one_class_string(rng: &mut Rng) -> Vec<u8> {
    const CLASSES: &[&[&str]] = &[
        &["0", "7", "٣", "۹", "߀", "൧", "𝟘"],
        &["²", "½", "Ⅻ", "〇", "7", "①", "三"],
        &["a", "z", "é", "ß", "σ", "ς", "ﬁ", "ʰ", "ͅ", "ⓐ", "𝐚", "ǆ"],
        &["A", "Z", "É", "Σ", "İ", "Ⅻ", "Ⓐ", "𝐀", "Ǆ", "ẞ"],
        &["Ab", "Ǆa", "ǅa", "ᾈx", "Σς", " ", "1", "Hello", "İi", "'"],
        &[
            " ", "\t", "\n", "\u{85}", "\u{a0}", "\u{2028}", "\u{3000}", "\x1f", "\x1c",
        ],
        &["a", "B", "3", "²", "一", "ǅ", "𝐀", "_"],
    ];
    let class = rng.pick(CLASSES);
    let n = 1 + rng.below(5);
    (0..n)
        .flat_map(|_| rng.pick(class).as_bytes().to_vec())
        .collect()
}

fn random_count(rng: &mut Rng) -> Arg {
    Arg::Int(match rng.below(12) {
        0..=4 => "-1".to_string(),
        5 => "-3".to_string(),
        6 => rng
            .pick(&[
                "9223372036854775807",
                "9223372036854775808",
                "-9223372036854775809",
                "4611686018427387904",
            ])
            .to_string(),
        _ => rng.below(5).to_string(),
    })
}

// }=====================================================================

// {=====================================================================
// The tests
// ======================================================================

/// For each code point in the sweep: a record of the eight results PY_SWEEP makes.
const SWEEP_PY: &str = r#"
import sys, os
S = '\u03a3'
cps = [int(x) for x in sys.stdin.read().split()]
out = []
for c in cps:
    ch = chr(c)
    bits = (ch.isdigit() | ch.isdecimal() << 1 | ch.isnumeric() << 2 | ch.isalpha() << 3
            | ch.isalnum() << 4 | ch.isspace() << 5 | ch.isupper() << 6 | ch.islower() << 7
            | ch.istitle() << 8)
    for r in (ch.upper(), ch.lower(), ch.title(), ch.capitalize(), ch.swapcase(),
              ('A' + S + ch + 'b').lower(), ('a' + ch + 'b').title(), str(bits)):
        b = r.encode('utf-8', 'surrogatepass')
        out.append(len(b).to_bytes(2, 'little'))
        out.append(b)
sys.stdout.buffer.write(b''.join(out))
"#;

fn sweep_code_points() -> Vec<u32> {
    if std::env::var("KRAIT_FULL_SWEEP").is_ok() {
        return (0..0x11_0000).collect();
    }
    let mut cps: Vec<u32> = (0..0x2_0000).collect();
    cps.extend(0xE_0000..0xE_1000);
    cps.extend((0x2_0000..0xE_0000).step_by(97));
    cps.extend((0xE_1000..0x11_0000).step_by(97));
    cps.push(0x10_FFFF);
    cps
}

fn code_point_sweep_matches_python() {
    let cps = sweep_code_points();
    let input: Vec<String> = cps.iter().map(|c| c.to_string()).collect();
    // python3 answers in its own thread while the runtime computes (no GC work there).
    let input = input.join(" ");
    let python_thread = std::thread::spawn(move || python(SWEEP_PY, input));
    let sigma = wtf8(0x3A3);
    let names = [
        "upper",
        "lower",
        "title",
        "capitalize",
        "swapcase",
        "'AΣ' + c + 'b').lower()",
        "('a' + c + 'b').title()",
        "predicate bits",
    ];
    let mut all_ours = Vec::with_capacity(cps.len());
    for &cp in &cps {
        let ch = wtf8(cp);
        let k = kstr(&ch);
        let in_sigma_word = kstr(&[b"A".as_slice(), &sigma, &ch, b"b"].concat());
        let in_word = kstr(&[b"a".as_slice(), &ch, b"b"].concat());
        let ours: [Vec<u8>; 8] = unsafe {
            let preds = [
                kr_str_isdigit(k),
                kr_str_isdecimal(k),
                kr_str_isnumeric(k),
                kr_str_isalpha(k),
                kr_str_isalnum(k),
                kr_str_isspace(k),
                kr_str_isupper(k),
                kr_str_islower(k),
                kr_str_istitle(k),
            ];
            let bits: u32 = preds
                .iter()
                .enumerate()
                .map(|(i, &b)| (b as u32) << i)
                .sum();
            [
                kr_str_upper(k),
                kr_str_lower(k),
                kr_str_title(k),
                kr_str_capitalize(k),
                kr_str_swapcase(k),
                kr_str_lower(in_sigma_word),
                kr_str_title(in_word),
            ]
            .map(|s| checked_bytes(s))
            .into_iter()
            .chain(std::iter::once(bits.to_string().into_bytes()))
            .collect::<Vec<_>>()
            .try_into()
            .unwrap()
        };
        all_ours.push(ours);
    }
    let theirs = python_thread.join().expect("the python3 thread");
    let mut at = 0;
    let mut failures = Vec::new();
    for (&cp, ours) in cps.iter().zip(&all_ours) {
        for (field, mine) in ours.iter().enumerate() {
            let len = u16::from_le_bytes([theirs[at], theirs[at + 1]]) as usize;
            let python_bytes = &theirs[at + 2..at + 2 + len];
            at += 2 + len;
            if python_bytes != mine.as_slice() && failures.len() < 20 {
                failures.push(format!(
                    "U+{cp:04X} {}: krait {} python {}",
                    names[field],
                    show(mine),
                    show(python_bytes)
                ));
            }
        }
    }
    assert_eq!(at, theirs.len(), "python3's sweep has the wrong size");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    println!("   {} code points agree", cps.len());
}

fn methods_match_python() {
    let mut rng = Rng::seeded(0x5851_F42D_4C95_7F2D);
    let mut batch = Batch::default();
    const CASE_OPS: &[&str] = &["upper", "lower", "capitalize", "title", "swapcase"];
    const PREDICATES: &[&str] = &[
        "isdigit",
        "isdecimal",
        "isnumeric",
        "isalpha",
        "isalnum",
        "isspace",
        "isupper",
        "islower",
        "istitle",
    ];
    for _ in 0..12_000 {
        let pieces = random_pieces(&mut rng, 10);
        let s = pieces.concat();
        let st = Arg::Str(s.clone());
        match rng.below(13) {
            0 | 1 => batch.add(rng.pick::<&str>(CASE_OPS), &[st]),
            2 => {
                let chars = match rng.below(4) {
                    0 => Arg::None,
                    1 => Arg::Str(sub_run(&mut rng, &pieces)),
                    _ => Arg::Str(random_string(&mut rng, 3)),
                };
                batch.add(
                    rng.pick::<&str>(&["strip", "lstrip", "rstrip"]),
                    &[st, chars],
                );
            }
            3 | 4 => {
                let sep = match rng.below(10) {
                    0..=3 => Arg::None,
                    4 => Arg::Str(Vec::new()),
                    5 | 6 => Arg::Str(random_string(&mut rng, 2)),
                    _ => Arg::Str(sub_run(&mut rng, &pieces)),
                };
                let count = random_count(&mut rng);
                batch.add(rng.pick::<&str>(&["split", "rsplit"]), &[st, sep, count]);
            }
            5 => batch.add("splitlines", &[st, Arg::Bool(rng.chance(50))]),
            6 => {
                let mut args = vec![Arg::Str(random_string(&mut rng, 2))];
                for _ in 0..rng.below(5) {
                    args.push(Arg::Str(random_string(&mut rng, 3)));
                }
                batch.add("join", &args);
            }
            7 => {
                let op = rng.pick(&["startswith", "endswith"]);
                let affix = if rng.chance(50) {
                    let k = rng.below(pieces.len() as u64 + 1) as usize;
                    if *op == "startswith" {
                        pieces[..k].concat()
                    } else {
                        pieces[k..].concat()
                    }
                } else {
                    random_string(&mut rng, 2)
                };
                batch.add(op, &[st, Arg::Str(affix)]);
            }
            8 => {
                let sub = match rng.below(10) {
                    0 => Vec::new(),
                    1..=3 => random_string(&mut rng, 2),
                    _ => sub_run(&mut rng, &pieces),
                };
                let op = rng.pick(&["find", "rfind", "index", "rindex", "count"]);
                batch.add(op, &[st, Arg::Str(sub)]);
            }
            9 => {
                let old = match rng.below(10) {
                    0 => Vec::new(),
                    1 | 2 => random_string(&mut rng, 2),
                    _ => sub_run(&mut rng, &pieces),
                };
                let new = random_string(&mut rng, 3);
                let count = random_count(&mut rng);
                batch.add("replace", &[st, Arg::Str(old), Arg::Str(new), count]);
            }
            10 => {
                let s = if rng.chance(60) {
                    one_class_string(&mut rng)
                } else {
                    s
                };
                batch.add(rng.pick::<&str>(PREDICATES), &[Arg::Str(s)]);
            }
            11 => {
                let width = Arg::Int(if rng.chance(5) {
                    rng.pick(&["9223372036854775808", "-9223372036854775809", "-5"])
                        .to_string()
                } else {
                    rng.below(20).to_string()
                });
                let fill = match rng.below(6) {
                    0 | 1 => Arg::None,
                    2 => Arg::Str(random_string(&mut rng, 2)),
                    _ => Arg::Str(wtf8(match rng.below(4) {
                        0 => *rng.pick(SURROGATES),
                        1 => 0x1F600,
                        2 => 0xE9,
                        _ => b'*' as u32,
                    })),
                };
                batch.add(
                    rng.pick::<&str>(&["center", "ljust", "rjust"]),
                    &[st, width, fill],
                );
            }
            _ => {
                let mut s = s;
                if rng.chance(50) {
                    s.insert(0, *rng.pick(b"+-"));
                }
                let width = Arg::Int(if rng.chance(3) {
                    "9223372036854775808".to_string()
                } else {
                    rng.below(15).to_string()
                });
                batch.add("zfill", &[Arg::Str(s), width]);
            }
        }
    }
    batch.check("random method calls");
}

fn edge_cases_match_python() {
    let mut batch = Batch::default();
    let s = |t: &str| Arg::Str(t.as_bytes().to_vec());
    let i = |t: &str| Arg::Int(t.to_string());
    for t in [
        "ß",
        "ﬁ",
        "ŉ",
        "ΐ",
        "İ",
        "ǅ",
        "ΣΑΣ",
        "ΑΣ",
        "Σ",
        "Α\u{301}Σ",
        "ΑΣ\u{301}",
        "ΑΣ'Β",
        "Α'Σ",
        "aΣ.b",
        "ǆemal ǈudevit",
        "hello world",
        "HELLO",
        "hElLo wOrLd",
        "o'neil",
        "1st 2nd",
        "ﬁre ﬂy",
        "ⅻ ⓐbc",
        "σΣ σς",
        "",
    ] {
        for op in [
            "upper",
            "lower",
            "capitalize",
            "title",
            "swapcase",
            "istitle",
            "isupper",
            "islower",
        ] {
            batch.add(op, &[s(t)]);
        }
    }
    for (t, sep, n) in [
        ("a,b,,c,", ",", "-1"),
        ("a,b,,c,", ",", "2"),
        ("a,b,,c,", ",", "0"),
        ("", ",", "-1"),
        ("abc", "", "-1"),
        ("abc", "", "9223372036854775808"),
        ("aaa", "aa", "-1"),
        ("\u{e9}x\u{e9}x\u{e9}", "x", "1"),
    ] {
        for op in ["split", "rsplit"] {
            batch.add(op, &[s(t), s(sep), i(n)]);
        }
    }
    for (t, n) in [
        ("  a  b \t c\n", "-1"),
        ("  a  b \t c\n", "1"),
        ("  a  b \t c\n", "0"),
        ("   ", "-1"),
        ("", "0"),
        ("\u{3000}x\u{85}y\u{a0}", "-1"),
        ("a\u{200b}b", "-1"),
    ] {
        for op in ["split", "rsplit"] {
            batch.add(op, &[s(t), Arg::None, i(n)]);
        }
    }
    for t in [
        "a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\u{85}j\u{2028}k\u{2029}l",
        "\n",
        "\r\n\r",
        "x\x1f",
    ] {
        for keep in [false, true] {
            batch.add("splitlines", &[s(t), Arg::Bool(keep)]);
        }
    }
    for (t, sub) in [
        ("aaaa", "aa"),
        ("abc", ""),
        ("", ""),
        ("h\u{e9}llo", "llo"),
        ("\u{e9}\u{e9}", "\u{e9}"),
    ] {
        for op in ["find", "rfind", "index", "rindex", "count"] {
            batch.add(op, &[s(t), s(sub)]);
        }
    }
    batch.add("find", &[s("abc"), s("d")]);
    batch.add("rindex", &[s("abc"), s("d")]);
    for (t, old, new, n) in [
        ("abc", "", "-", "-1"),
        ("abc", "", "-", "2"),
        ("", "", "x", "-1"),
        ("aaa", "a", "bb", "2"),
        ("aaa", "aa", "", "-1"),
        ("\u{e9}a\u{e9}", "\u{e9}", "e", "-1"),
        ("abc", "b", "x", "0"),
        ("abc", "b", "x", "9223372036854775808"),
    ] {
        batch.add("replace", &[s(t), s(old), s(new), i(n)]);
    }
    for (t, w) in [
        ("ab", "5"),
        ("abc", "6"),
        ("a", "4"),
        ("", "3"),
        ("\u{e9}", "4"),
    ] {
        for op in ["center", "ljust", "rjust"] {
            batch.add(op, &[s(t), i(w), Arg::None]);
            batch.add(op, &[s(t), i(w), s("\u{20ac}")]);
            batch.add(op, &[s(t), i(w), s("xy")]);
            batch.add(op, &[s(t), i("9223372036854775808"), s("xy")]);
        }
    }
    batch.add("center", &[s("a"), i("4611686018427387903"), Arg::None]);
    for (t, w) in [
        ("-42", "5"),
        ("+", "3"),
        ("", "3"),
        ("42", "1"),
        ("-", "1"),
        ("\u{e9}", "3"),
    ] {
        batch.add("zfill", &[s(t), i(w)]);
    }
    batch.add("join", &[s(", ")]);
    batch.add("join", &[s(", "), s("a")]);
    batch.add("join", &[s(""), s(""), s("")]);
    batch.add("join", &[s("\u{e9}"), s("a"), s("b")]);
    for (t, chars) in [
        (" \t x \n", None),
        ("xxaxx", Some("x")),
        ("\u{e9}a\u{e9}", Some("\u{e9}")),
        ("abc", Some("")),
    ] {
        for op in ["strip", "lstrip", "rstrip"] {
            batch.add(op, &[s(t), chars.map_or(Arg::None, s)]);
        }
    }
    batch.check("edge cases");
}

// }=====================================================================
