//! Differential tests of str operations, format() and the number builtins against
//! python3: format(x, spec) of ints (small and big), floats (random bits, specials,
//! subnormals, halfway cases), bools and strs over thousands of random specs
//! (fill/align/sign/z/#/0/width/grouping/precision/type, and malformed ones);
//! round() of floats and ints; code-point indexing and slicing of non-ASCII strings,
//! repetition, ord/chr, join; math.gcd/lcm/isqrt/factorial/comb/perm/isclose;
//! hex/oct/bin; and the decoding of sys.argv. Results and errors (class and message)
//! are compared as text; strings travel as hex of their (WTF-)8 bytes.

mod common;

use common::error_text;
use runtime_c::ffi::*;
use std::ffi::{c_char, CStr};
use std::io::Write;
use std::process::{Command, Stdio};

#[repr(C)]
struct KrList {
    type_: *const std::ffi::c_void,
    length: i64,
    capacity: i64,
    items: *mut u64,
}

/// An omitted slice bound or argument (`KR_ABSENT`).
const KR_ABSENT: KrValue = 0;

extern "C" {
    fn kr_str_char_at(s: *const KrStr, index: i64) -> *mut KrStr;
    fn kr_str_getitem(s: *const KrStr, index: KrValue) -> *mut KrStr;
    fn kr_str_slice(s: *const KrStr, start: KrValue, stop: KrValue, step: KrValue) -> *mut KrStr;
    fn kr_str_repeat(s: *const KrStr, n: KrValue) -> *mut KrStr;
    fn kr_str_ord(s: *const KrStr) -> KrValue;
    fn kr_str_chr(i: KrValue) -> *mut KrStr;
    fn kr_str_join_array(parts: *const *mut KrStr, n: i64) -> *mut KrStr;
    fn kr_format_int(x: KrValue, spec: *const KrStr) -> *mut KrStr;
    fn kr_format_float(x: f64, spec: *const KrStr) -> *mut KrStr;
    fn kr_format_str(x: *const KrStr, spec: *const KrStr) -> *mut KrStr;
    fn kr_format_bool(x: bool, spec: *const KrStr) -> *mut KrStr;
    fn kr_int_to_base_str(i: KrValue, base: i32) -> *mut KrStr;
    fn kr_float_round_int(x: f64) -> KrValue;
    fn kr_float_round(x: f64, ndigits: KrValue, error: *mut bool) -> f64;
    fn kr_int_round(i: KrValue, ndigits: KrValue) -> KrValue;
    fn kr_math_gcd(a: KrValue, b: KrValue) -> KrValue;
    fn kr_math_lcm(a: KrValue, b: KrValue) -> KrValue;
    fn kr_math_isqrt(n: KrValue) -> KrValue;
    fn kr_math_factorial(n: KrValue) -> KrValue;
    fn kr_math_comb(n: KrValue, k: KrValue) -> KrValue;
    fn kr_math_perm(n: KrValue, k: KrValue) -> KrValue;
    fn kr_math_isclose(a: f64, b: f64, rel: f64, abs: f64, error: *mut bool) -> bool;
    fn kr_sys_argv() -> *mut KrList;
}

fn main() {
    unsafe { kr_runtime_init() };
    let tests: [(&str, fn()); 5] = [
        ("format_matches_python", format_matches_python),
        ("round_matches_python", round_matches_python),
        ("str_ops_match_python", str_ops_match_python),
        (
            "math_int_functions_match_python",
            math_int_functions_match_python,
        ),
        ("argv_decodes_like_python", argv_decodes_like_python),
    ];
    for (name, test) in tests {
        let start = std::time::Instant::now();
        test();
        println!("test {name} ... ok ({:.2?})", start.elapsed());
    }
}

// {=====================================================================
// Python and comparison
// ======================================================================

const PYTHON: &str = r#"
import sys, math, struct
def f(b): return struct.unpack('<d', struct.pack('<Q', int(b)))[0]
def s(x): return '' if x == '-' else bytes.fromhex(x).decode('utf-8', 'surrogatepass')
def h(x): return 'S' + x.encode('utf-8', 'surrogatepass').hex()
def fl(x): return 'nan' if x != x else 'F%d' % struct.unpack('<Q', struct.pack('<d', x))[0]
def i(x): return None if x == 'N' else int(x)
def run(op, a):
    if op == 'fi': return h(format(int(a[0]), s(a[1])))
    if op == 'ff': return h(format(f(a[0]), s(a[1])))
    if op == 'fs': return h(format(s(a[0]), s(a[1])))
    if op == 'fb': return h(format(a[0] == '1', s(a[1])))
    if op == 'ib': return h({2: bin, 8: oct, 16: hex, 10: str}[int(a[1])](int(a[0])))
    if op == 'ri': return hex(round(f(a[0])))
    if op == 'rf': return fl(round(f(a[0]), int(a[1])))
    if op == 'rn': return hex(round(int(a[0]), int(a[1])))
    if op == 'gi': return h(s(a[0])[int(a[1])])
    if op == 'sl': return h(s(a[0])[i(a[1]):i(a[2]):i(a[3])])
    if op == 'rp': return h(s(a[0]) * int(a[1]))
    if op == 'od': return hex(ord(s(a[0])))
    if op == 'ch': return h(chr(int(a[0])))
    if op == 'jn': return h(''.join(s(x) for x in a))
    if op == 'gcd': return hex(math.gcd(int(a[0]), int(a[1])))
    if op == 'lcm': return hex(math.lcm(int(a[0]), int(a[1])))
    if op == 'isqrt': return hex(math.isqrt(int(a[0])))
    if op == 'fact': return hex(math.factorial(int(a[0])))
    if op == 'comb': return hex(math.comb(int(a[0]), int(a[1])))
    if op == 'perm': return hex(math.perm(int(a[0]), i(a[1])))
    if op == 'close': return str(math.isclose(f(a[0]), f(a[1]), rel_tol=f(a[2]), abs_tol=f(a[3])))
    if op == 'av': return h(bytes.fromhex('' if a[0] == '-' else a[0]).decode('utf-8', 'surrogateescape'))
    raise SystemExit('unknown op ' + op)
for line in sys.stdin:
    op, *a = line.split()
    try:
        r = run(op, a)
    except Exception as e:
        r = 'ERR %s: %s' % (type(e).__name__, e)
    print(r)
"#;

/// Runs PYTHON over the cases (one per line); returns its answers.
fn run_python(cases: &[String]) -> Vec<String> {
    let python = std::env::var("KRAIT_PYTHON").unwrap_or_else(|_| "python3".into());
    let mut child = Command::new(python)
        .args(["-c", PYTHON])
        .env("PYTHONIOENCODING", "utf-8:backslashreplace")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 is needed for the differential tests");
    let input = cases.join("\n") + "\n";
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(out.status.success(), "python3 failed");
    let lines: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(String::from)
        .collect();
    assert_eq!(
        lines.len(),
        cases.len(),
        "python3 answered a different number of lines"
    );
    lines
}

/// Shows an answer readably: "S<hex>" strings decoded.
fn readable(answer: &str) -> String {
    match answer.strip_prefix('S') {
        Some(hex) => format!("{:?}", String::from_utf8_lossy(&unhex(hex))),
        None => answer.to_string(),
    }
}

fn readable_case(case: &str) -> String {
    let parts: Vec<&str> = case.split(' ').collect();
    let op = parts[0];
    parts
        .iter()
        .enumerate()
        .map(|(k, part)| {
            let is_text = match op {
                "fi" | "ff" | "fb" => k == 2,
                "fs" => k >= 1,
                "gi" | "sl" | "rp" | "od" | "av" => k == 1,
                "jn" => k >= 1,
                _ => false,
            };
            if is_text && *part != "-" {
                format!("{part}={:?}", String::from_utf8_lossy(&unhex(part)))
            } else {
                part.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn check(what: &str, cases: &[String], ours: &[String]) {
    let theirs = run_python(cases);
    let failures: Vec<String> = cases
        .iter()
        .zip(ours)
        .zip(&theirs)
        .filter(|((_, a), b)| a != b)
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
        cases.len(),
        failures[..failures.len().min(15)].join("\n")
    );
    println!("   {what}: {} cases agree", cases.len());
}

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

fn int(text: &str) -> KrValue {
    let v = unsafe { kr_int_from_str(text.as_ptr().cast(), text.len(), 10) };
    assert_ne!(v, KR_ERROR, "bad int {text}");
    v
}

/// A str result ("S" + hex) or the error.
fn str_outcome(s: *const KrStr) -> String {
    if s.is_null() {
        return error_text();
    }
    let bytes = str_bytes(s);
    // The cached length and ASCII flag must describe the bytes.
    let text = String::from_utf8_lossy(&bytes);
    let length = unsafe { (*s).length };
    let points = bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count() as i64;
    assert_eq!(length, points, "length of {text:?}");
    assert_eq!(
        unsafe { (*s).ascii } != 0,
        bytes.is_ascii(),
        "ascii flag of {text:?}"
    );
    format!(
        "S{}",
        if bytes.is_empty() {
            String::new()
        } else {
            hex(&bytes)
        }
    )
}

/// An int result as Python's hex() or the error.
fn int_outcome(v: KrValue) -> String {
    if v == KR_ERROR {
        return error_text();
    }
    let mut len = 0;
    let p = unsafe { kr_int_to_str(v, 16, &mut len) };
    unsafe { CStr::from_ptr(p as *const c_char) }
        .to_string_lossy()
        .into_owned()
}

fn float_outcome(d: f64, error: bool) -> String {
    if error {
        error_text()
    } else if d.is_nan() {
        "nan".into()
    } else {
        format!("F{}", d.to_bits())
    }
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

/// Decimal text of a random int: small, near the 2**62 and 2**63 boundaries, or big.
fn random_int(rng: &mut Rng) -> String {
    let sign = if rng.chance(40) { "-" } else { "" };
    match rng.below(6) {
        0 => format!("{sign}{}", rng.below(10)),
        1 => format!("{sign}{}", rng.below(100_000)),
        2 => format!("{sign}{}", rng.next() >> rng.below(64)),
        3 => format!("{sign}{}", rng.below(0x11_0000)),
        4 => {
            let mut text = format!("{}", 1 + rng.below(9));
            for _ in 0..rng.below(60) {
                text.push(char::from(b'0' + rng.below(10) as u8));
            }
            format!("{sign}{text}")
        }
        _ => rng
            .pick(&[
                "4611686018427387903",
                "4611686018427387904",
                "-4611686018427387904",
                "-4611686018427387905",
                "9223372036854775807",
                "9223372036854775808",
                "-9223372036854775808",
                "1114111",
                "1114112",
                "65",
                "233",
                "128512",
                "55296",
                "0",
            ])
            .to_string(),
    }
}

fn random_float(rng: &mut Rng) -> f64 {
    match rng.below(8) {
        0 => f64::from_bits(rng.next()),
        1 => f64::from_bits(rng.next() >> 12), // subnormal
        2 => (rng.below(2_000_000) as f64 - 1_000_000.0) / 1000.0,
        3 => (rng.below(1000) as f64 + 0.5) * if rng.chance(50) { 1.0 } else { -1.0 },
        4 => rng.below(1 << 20) as f64 / (1u64 << rng.below(12)) as f64,
        5 => {
            let e = rng.below(60) as i32 - 30;
            let m = rng.below(100_000) as f64;
            format!("{m}e{e}").parse().unwrap()
        }
        6 => *rng.pick(&[
            0.0,
            -0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            -f64::NAN,
            1.0,
            -1.0,
            0.5,
            1.5,
            2.5,
            0.125,
            0.375,
            9.5,
            99.99,
            1e16,
            1e15,
            1e22,
            1e-5,
            1e-4,
            0.0001234,
            123456789.0,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            1e300,
            -1e-300,
            0.1,
            1.0 / 3.0,
        ]),
        _ => {
            let e = rng.below(40) as i32 - 20;
            format!("1e{e}").parse::<f64>().unwrap() * if rng.chance(30) { -1.0 } else { 1.0 }
        }
    }
}

const STRINGS: &[&str] = &[
    "",
    "a",
    "abc",
    "hello world",
    "h\u{e9}llo",
    "\u{65e5}\u{672c}\u{8a9e}",
    "\u{1d11e}x\u{e9}",
    "a\u{10ffff}b\u{80}c",
    "\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}",
    "mixed \u{3b1}\u{3b2}\u{3b3} text \u{1f600}!",
];

/// A random format spec, mostly well-formed, sometimes not.
fn random_spec(rng: &mut Rng) -> String {
    let mut spec = String::new();
    if rng.chance(35) {
        if rng.chance(50) {
            spec.push(*rng.pick(&[
                ' ',
                '*',
                '0',
                'x',
                '\u{e9}',
                '\u{20ac}',
                '\u{1d11e}',
                '<',
                '=',
                'z',
                '#',
                '_',
                ',',
            ]));
        }
        spec.push(*rng.pick(&['<', '>', '=', '^']));
    }
    if rng.chance(30) {
        spec.push(*rng.pick(&['+', '-', ' ']));
    }
    if rng.chance(8) {
        spec.push('z');
    }
    if rng.chance(20) {
        spec.push('#');
    }
    if rng.chance(25) {
        spec.push('0');
    }
    if rng.chance(50) {
        let limit = if rng.chance(80) { 16 } else { 40 };
        let width = rng.below(limit);
        if rng.chance(3) {
            // Unicode decimal digits count too.
            spec.push_str(&"\u{665}".repeat(1 + rng.below(2) as usize));
        } else {
            spec.push_str(&width.to_string());
        }
    }
    if rng.chance(25) {
        spec.push(*rng.pick(&[',', '_']));
        if rng.chance(5) {
            spec.push(*rng.pick(&[',', '_']));
        }
    }
    if rng.chance(40) {
        spec.push('.');
        if !rng.chance(3) {
            let limit = if rng.chance(85) { 12 } else { 40 };
            spec.push_str(&rng.below(limit).to_string());
        }
    }
    if rng.chance(75) {
        spec.push(*rng.pick(&[
            'b', 'c', 'd', 'o', 'x', 'X', 'n', 'e', 'E', 'f', 'F', 'g', 'G', '%', 's', 'b', 'd',
            'x', 'e', 'f', 'g', 'q', 'z', ' ', '\u{e9}', 'r',
        ]));
    }
    if rng.chance(3) {
        spec.push(*rng.pick(&['x', '.', '1', '%']));
    }
    spec
}

// }=====================================================================

// {=====================================================================
// The tests
// ======================================================================

fn format_matches_python() {
    let mut rng = Rng::seeded(0x2545_F491_4F6C_DD1D);
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    let fixed_specs = [
        "",
        "abc",
        "z",
        "zd",
        ",",
        "_",
        ",_",
        "_,",
        "__",
        ",,",
        ".",
        ".2",
        "08,",
        "09,",
        "010,",
        "#",
        "#.3",
        "#.0g",
        "#.0e",
        "#.0f",
        "#.0%",
        ".0",
        ".3",
        ".16",
        ".17",
        "c",
        "+c",
        "#c",
        ",c",
        "5c",
        "=5c",
        "05c",
        "<05",
        ">05",
        "0=5",
        "x<#10_X",
        "+#_x",
        "#010X",
        "9999999999999999999",
        ".2147483648f",
        "\u{1}",
        "\u{e9}",
        "1.2.3",
        "c.2",
        "#.2c",
        "z,c",
        ".2,",
        ",.2",
        "_b",
        ",b",
        "_n",
        ",n",
        "n",
        "z.1f",
        "z.0f",
        "z%",
        "z.1e",
        "=10",
        "^11",
        "*^12,",
        "0<10",
        "e",
        "E",
        "F",
        "G",
        "%",
        "\u{20ac}^+15,.3f",
        "-z#012_.5e",
        " 20g",
    ];
    let mut ints: Vec<String> = (0..40).map(|_| random_int(&mut rng)).collect();
    ints.extend(
        [
            "0",
            "-1",
            "255",
            "-255",
            "1234",
            "1234567",
            "65",
            "1114111",
            "1114112",
            "-9223372036854775809",
            "1267650600228229401496703205376",
        ]
        .map(String::from),
    );
    let floats: Vec<f64> = (0..40).map(|_| random_float(&mut rng)).collect();
    let fixed_floats = [
        0.0,
        -0.0,
        1.0,
        1e16,
        1e20,
        100.0,
        1234.0,
        -0.001,
        f64::INFINITY,
        f64::NAN,
        12345.678,
        1e-5,
        0.5,
    ];
    for spec in fixed_specs {
        let sp = kstr(spec.as_bytes());
        for x in &ints {
            cases.push(format!("fi {x} {}", hex(spec.as_bytes())));
            ours.push(str_outcome(unsafe { kr_format_int(int(x), sp) }));
        }
        for &d in floats.iter().chain(&fixed_floats) {
            cases.push(format!("ff {} {}", d.to_bits(), hex(spec.as_bytes())));
            ours.push(str_outcome(unsafe { kr_format_float(d, sp) }));
        }
        for s in STRINGS {
            cases.push(format!("fs {} {}", hex(s.as_bytes()), hex(spec.as_bytes())));
            ours.push(str_outcome(unsafe {
                kr_format_str(kstr(s.as_bytes()), sp)
            }));
        }
        for b in [false, true] {
            cases.push(format!("fb {} {}", b as i32, hex(spec.as_bytes())));
            ours.push(str_outcome(unsafe { kr_format_bool(b, sp) }));
        }
    }
    for _ in 0..15_000 {
        let spec = random_spec(&mut rng);
        let sp = kstr(spec.as_bytes());
        match rng.below(10) {
            0..=3 => {
                let x = random_int(&mut rng);
                cases.push(format!("fi {x} {}", hex(spec.as_bytes())));
                ours.push(str_outcome(unsafe { kr_format_int(int(&x), sp) }));
            }
            4..=7 => {
                let d = random_float(&mut rng);
                cases.push(format!("ff {} {}", d.to_bits(), hex(spec.as_bytes())));
                ours.push(str_outcome(unsafe { kr_format_float(d, sp) }));
            }
            8 => {
                let s = rng.pick(STRINGS);
                cases.push(format!("fs {} {}", hex(s.as_bytes()), hex(spec.as_bytes())));
                ours.push(str_outcome(unsafe {
                    kr_format_str(kstr(s.as_bytes()), sp)
                }));
            }
            _ => {
                let b = rng.chance(50);
                cases.push(format!("fb {} {}", b as i32, hex(spec.as_bytes())));
                ours.push(str_outcome(unsafe { kr_format_bool(b, sp) }));
            }
        }
    }
    // Digits a float needs exactly: long 'f' and 'e' precisions.
    for _ in 0..300 {
        let d = random_float(&mut rng);
        let spec = format!(".{}{}", rng.below(120), rng.pick(&['f', 'e', 'g', '%']));
        cases.push(format!("ff {} {}", d.to_bits(), hex(spec.as_bytes())));
        ours.push(str_outcome(unsafe {
            kr_format_float(d, kstr(spec.as_bytes()))
        }));
    }
    for x in ints
        .iter()
        .chain(["-31", "0", "4611686018427387904"].map(String::from).iter())
    {
        for base in [2, 8, 10, 16] {
            cases.push(format!("ib {x} {base}"));
            ours.push(str_outcome(unsafe { kr_int_to_base_str(int(x), base) }));
        }
    }
    check("format()", &cases, &ours);
}

fn round_matches_python() {
    let mut rng = Rng::seeded(0x9E37_79B9_7F4A_7C15);
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    let mut floats: Vec<f64> = (0..3000).map(|_| random_float(&mut rng)).collect();
    floats.extend([
        0.5,
        1.5,
        2.5,
        -0.5,
        -2.5,
        0.125,
        0.375,
        2.675,
        1.7976931348623157e308,
        1.5e308,
        -0.4,
        4.5e15,
        4503599627370497.0,
        5e-324,
        1e-320,
    ]);
    for &d in &floats {
        cases.push(format!("ri {}", d.to_bits()));
        ours.push(int_outcome(unsafe { kr_float_round_int(d) }));
        let n: i64 = match rng.below(4) {
            0 => rng.below(20) as i64,
            1 => rng.below(40) as i64 - 20,
            2 => rng.below(700) as i64 - 350,
            _ => *rng.pick(&[0, 1, 2, -1, -2, 323, 324, -308, -309, 17, 16]),
        };
        let mut error = false;
        let r = unsafe { kr_float_round(d, int(&n.to_string()), &mut error) };
        cases.push(format!("rf {} {n}", d.to_bits()));
        ours.push(float_outcome(r, error));
    }
    for (d, n) in [
        (1.5, "18446744073709551616"),
        (-1.5, "-18446744073709551616"),
        (2.5, "9223372036854775807"),
    ] {
        let mut error = false;
        let r = unsafe { kr_float_round(d, int(n), &mut error) };
        cases.push(format!("rf {} {n}", f64::to_bits(d)));
        ours.push(float_outcome(r, error));
    }
    for _ in 0..1500 {
        let x = random_int(&mut rng);
        let n = match rng.below(3) {
            0 => rng.below(25) as i64 - 20,
            1 => -(rng.below(70) as i64),
            _ => *rng.pick(&[0, 5, -1, -2, -3, -100, -1000]),
        };
        cases.push(format!("rn {x} {n}"));
        ours.push(int_outcome(unsafe {
            kr_int_round(int(&x), int(&n.to_string()))
        }));
    }
    for (x, n) in [
        ("5", "-1"),
        ("15", "-1"),
        ("25", "-1"),
        ("-25", "-1"),
        ("5", "-100000"), // CPython computes 10**100000 for this
        ("12345", "100000000000000000000"),
    ] {
        cases.push(format!("rn {x} {n}"));
        ours.push(int_outcome(unsafe { kr_int_round(int(x), int(n)) }));
    }
    check("round()", &cases, &ours);
}

fn str_ops_match_python() {
    let mut rng = Rng::seeded(0xD1B5_4A32_D192_ED03);
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    let mut strings: Vec<Vec<u8>> = STRINGS.iter().map(|s| s.as_bytes().to_vec()).collect();
    strings.push(b"\xed\xa0\x80lone\xed\xb3\xbf".to_vec()); // lone surrogates, WTF-8
    let big = [
        "4611686018427387904",
        "-4611686018427387905",
        "9223372036854775808",
        "-9223372036854775809",
        "1267650600228229401496703205376",
    ];
    for s in &strings {
        let ks = kstr(s);
        let len = unsafe { (*ks).length };
        for i in -len - 2..len + 2 {
            cases.push(format!("gi {} {i}", hex(s)));
            ours.push(str_outcome(unsafe {
                kr_str_getitem(ks, int(&i.to_string()))
            }));
            if i >= 0 && i < len {
                // The unchecked accessor agrees with the checked one.
                let a = str_bytes(unsafe { kr_str_char_at(ks, i) });
                assert_eq!(
                    a,
                    str_bytes(unsafe { kr_str_getitem(ks, int(&i.to_string())) })
                );
            }
        }
        for b in big {
            cases.push(format!("gi {} {b}", hex(s)));
            ours.push(str_outcome(unsafe { kr_str_getitem(ks, int(b)) }));
        }
        let bound = |rng: &mut Rng| -> String {
            match rng.below(10) {
                0 => "N".to_string(),
                1 => rng.pick(&big).to_string(),
                _ => (rng.below(2 * len as u64 + 7) as i64 - len - 3).to_string(),
            }
        };
        for _ in 0..250 {
            let start = bound(&mut rng);
            let stop = bound(&mut rng);
            let step = match rng.below(8) {
                0 | 1 => "N".to_string(),
                2 => "0".to_string(),
                3 => rng.pick(&big).to_string(),
                _ => {
                    let k = rng.below(4) as i64 + 1;
                    (if rng.chance(50) { -k } else { k }).to_string()
                }
            };
            let v = |t: &str| if t == "N" { KR_ABSENT } else { int(t) };
            cases.push(format!("sl {} {start} {stop} {step}", hex(s)));
            ours.push(str_outcome(unsafe {
                kr_str_slice(ks, v(&start), v(&stop), v(&step))
            }));
        }
        for n in [
            "0",
            "1",
            "2",
            "3",
            "7",
            "-1",
            "-1267650600228229401496703205376",
            "1267650600228229401496703205376",
            "4611686018427387904",
            "9223372036854775807",
        ] {
            cases.push(format!("rp {} {n}", hex(s)));
            ours.push(str_outcome(unsafe { kr_str_repeat(ks, int(n)) }));
        }
        cases.push(format!("od {}", hex(s)));
        ours.push(int_outcome(unsafe { kr_str_ord(ks) }));
    }
    // Joins of random pieces.
    for _ in 0..200 {
        let n = rng.below(6) as usize;
        let parts: Vec<&Vec<u8>> = (0..n).map(|_| rng.pick(&strings)).collect();
        let ptrs: Vec<*mut KrStr> = parts.iter().map(|p| kstr(p)).collect();
        cases.push(format!(
            "jn {}",
            parts.iter().map(|p| hex(p)).collect::<Vec<_>>().join(" ")
        ));
        ours.push(str_outcome(unsafe {
            kr_str_join_array(ptrs.as_ptr(), n as i64)
        }));
    }
    // chr and ord round trips over the whole range, surrogates included.
    let mut points: Vec<String> = (0..600).map(|_| rng.below(0x11_0000).to_string()).collect();
    points.extend(
        [
            "0",
            "127",
            "128",
            "2047",
            "2048",
            "55295",
            "55296",
            "57343",
            "57344",
            "65535",
            "65536",
            "1114111",
            "1114112",
            "-1",
            "2147483647",
            "2147483648",
            "-2147483649",
            "1267650600228229401496703205376",
        ]
        .map(String::from),
    );
    for p in &points {
        cases.push(format!("ch {p}"));
        let c = unsafe { kr_str_chr(int(p)) };
        ours.push(str_outcome(c));
        if !c.is_null() {
            cases.push(format!("od {}", hex(&str_bytes(c))));
            ours.push(int_outcome(unsafe { kr_str_ord(c) }));
        }
    }
    check("str ops", &cases, &ours);
}

fn math_int_functions_match_python() {
    let mut rng = Rng::seeded(0x94D0_49BB_1331_11EB);
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    let smallish = |rng: &mut Rng| -> String {
        match rng.below(4) {
            0 => (rng.below(30) as i64 - 5).to_string(),
            1 => rng.below(400).to_string(),
            2 => rng
                .pick(&[
                    "0",
                    "1",
                    "-1",
                    "4611686018427387904",
                    "9223372036854775808",
                    "-9223372036854775809",
                    "1180591620717411303424",
                    "18446744073709551616",
                ])
                .to_string(),
            _ => (rng.below(100) as i64 - 50).to_string(),
        }
    };
    for _ in 0..1500 {
        let a = random_int(&mut rng);
        let b = random_int(&mut rng);
        cases.push(format!("gcd {a} {b}"));
        ours.push(int_outcome(unsafe { kr_math_gcd(int(&a), int(&b)) }));
        cases.push(format!("lcm {a} {b}"));
        ours.push(int_outcome(unsafe { kr_math_lcm(int(&a), int(&b)) }));
        cases.push(format!("isqrt {a}"));
        ours.push(int_outcome(unsafe { kr_math_isqrt(int(&a)) }));
        let n = smallish(&mut rng);
        let k = smallish(&mut rng);
        if !n.starts_with('-') && n.len() > 4 && !k.starts_with('-') && k.len() > 4 {
            continue; // huge results (or huge work) on both sides
        }
        cases.push(format!("comb {n} {k}"));
        ours.push(int_outcome(unsafe { kr_math_comb(int(&n), int(&k)) }));
        if n.len() <= 4 || k.starts_with('-') || k.len() > 19 || k == "0" || k == "1" {
            cases.push(format!("perm {n} {k}"));
            ours.push(int_outcome(unsafe { kr_math_perm(int(&n), int(&k)) }));
        }
        if n.len() <= 3 || n.starts_with('-') || n.len() > 19 {
            cases.push(format!("fact {n}"));
            ours.push(int_outcome(unsafe { kr_math_factorial(int(&n)) }));
        }
    }
    for n in ["0", "5", "-1"] {
        cases.push(format!("perm {n} N"));
        ours.push(int_outcome(unsafe { kr_math_perm(int(n), KR_ABSENT) }));
    }
    for (n, k) in [
        ("1180591620717411303424", "3"),
        ("1180591620717411303424", "1180591620717411303422"),
        ("3", "1180591620717411303424"),
        ("1180591620717411303424", "36893488147419103232"),
    ] {
        cases.push(format!("comb {n} {k}"));
        ours.push(int_outcome(unsafe { kr_math_comb(int(n), int(k)) }));
    }
    let specials = [
        0.0,
        -0.0,
        1.0,
        1.0 + 1e-9,
        1.0 + 1e-10,
        1e-10,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        1e308,
        100.0,
        101.0,
    ];
    let tolerances = [1e-9, 0.0, 0.01, -1.0, 1.0, f64::NAN, f64::INFINITY];
    for &a in &specials {
        for &b in &specials {
            for &rel in &tolerances {
                for abs in [0.0, 1e-9, -1e-9, 2.0] {
                    let mut error = false;
                    let r = unsafe { kr_math_isclose(a, b, rel, abs, &mut error) };
                    cases.push(format!(
                        "close {} {} {} {}",
                        a.to_bits(),
                        b.to_bits(),
                        rel.to_bits(),
                        f64::to_bits(abs)
                    ));
                    ours.push(if error {
                        error_text()
                    } else if r {
                        "True".into()
                    } else {
                        "False".into()
                    });
                }
            }
        }
    }
    check("math int functions", &cases, &ours);
}

fn argv_decodes_like_python() {
    let args: Vec<Vec<u8>> = vec![
        b"prog".to_vec(),
        b"".to_vec(),
        "h\u{e9}llo \u{1f600}".as_bytes().to_vec(),
        b"\xff\xfe".to_vec(),
        b"\x80abc\xc3".to_vec(),
        b"\xc3\x28".to_vec(),
        b"\xc0\xaf".to_vec(),         // overlong
        b"\xed\xa0\x80".to_vec(),     // an encoded surrogate
        b"\xf4\x90\x80\x80".to_vec(), // past U+10FFFF
        b"\xf0\x9f\x98".to_vec(),     // cut short
        b"\xe2\x82\xac\xe2\x82".to_vec(),
        b"\xf5\x80\x80\x80".to_vec(),
    ];
    let mut owned: Vec<std::ffi::CString> = args
        .iter()
        .map(|a| std::ffi::CString::new(a.clone()).unwrap())
        .collect();
    let mut ptrs: Vec<*mut c_char> = owned
        .iter_mut()
        .map(|c| c.as_ptr() as *mut c_char)
        .collect();
    ptrs.push(std::ptr::null_mut());
    unsafe { kr_set_argv(args.len() as i32, ptrs.as_mut_ptr()) };
    let list = unsafe { kr_sys_argv() };
    assert_eq!(list, unsafe { kr_sys_argv() }, "sys.argv is one list");
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    unsafe {
        assert_eq!((*list).length, args.len() as i64);
        for (k, a) in args.iter().enumerate() {
            cases.push(format!("av {}", hex(a)));
            ours.push(str_outcome(*(*list).items.add(k) as *const KrStr));
        }
    }
    check("sys.argv", &cases, &ours);
}

// }=====================================================================
