//! Differential tests of the runtime's floats and strings against python3: repr() of
//! many doubles (random bit patterns, powers of ten and two and their neighbours,
//! halfway cases, subnormals), //, %, /, divmod and ** on special operands (signed
//! zeros, infinities, nans, extremes), int()/float() of strings, and str repr and
//! comparisons. Results are compared as text; floats as their bits.

mod common;

use common::{error_text, run_python};
use runtime_c::ffi::*;
use std::ffi::{c_char, CStr};

fn main() {
    unsafe { kr_runtime_init() };
    let tests: [(&str, fn()); 5] = [
        ("float_repr_matches_python", float_repr_matches_python),
        (
            "float_arithmetic_matches_python",
            float_arithmetic_matches_python,
        ),
        ("str_to_number_matches_python", str_to_number_matches_python),
        (
            "str_repr_and_order_match_python",
            str_repr_and_order_match_python,
        ),
        (
            "raise_str_formats_like_python",
            raise_str_formats_like_python,
        ),
    ];
    for (name, test) in tests {
        test();
        println!("test {name} ... ok");
    }
}

fn compare(what: &str, cases: &[String], ours: &[String], theirs: &[String]) {
    let failures: Vec<String> = cases
        .iter()
        .zip(ours)
        .zip(theirs)
        .filter(|((_, a), b)| a != b)
        .map(|((case, a), b)| format!("{case}\n   krait:  {a}\n   python: {b}"))
        .collect();
    assert!(
        failures.is_empty(),
        "{what}: {} of {} cases differ; first ones:\n{}",
        failures.len(),
        cases.len(),
        failures[..failures.len().min(10)].join("\n")
    );
}

/// A float result as Python's side prints it: bits, "nan" (any nan), or the error.
fn float_outcome(d: f64, error: bool) -> String {
    if error {
        let text = error_text();
        if text.contains("complex") {
            return "COMPLEX".into();
        }
        text
    } else if d.is_nan() {
        "nan".into()
    } else {
        format!("F{}", d.to_bits())
    }
}

fn repr(d: f64) -> String {
    let mut buf = [0 as c_char; KR_FLOAT_REPR_SIZE];
    let n = unsafe { kr_float_repr(d, buf.as_mut_ptr()) };
    let text = unsafe { CStr::from_ptr(buf.as_ptr()) }
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(n, text.len());
    text
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn repr_samples() -> Vec<f64> {
    let mut v = vec![
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.1,
        0.2,
        0.3,
        1.0 / 3.0,
        2.0 / 3.0,
        1e16,
        1e15,
        9999999999999998.0,
        1e-4,
        1e-5,
        0.00012345,
        1.5e-5,
        123456789012345680.0,
        1e22,
        1e23,
        5e-324,
        1e-323,
        f64::MIN_POSITIVE,
        f64::MAX,
        -f64::MAX,
        f64::EPSILON,
        9007199254740993.0,
        0.5,
        2.5,
        100.0,
        1234.5,
        1e100,
        1.7976931348623157e308,
        f64::from_bits(0x000F_FFFF_FFFF_FFFF), // the largest subnormal
        f64::from_bits(1),
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        -f64::NAN,
    ];
    let neighbours = |d: f64, v: &mut Vec<f64>| {
        if d.is_finite() && d > 0.0 {
            let bits = d.to_bits();
            for b in [bits - 1, bits, bits + 1] {
                v.push(f64::from_bits(b));
                v.push(-f64::from_bits(b));
            }
        }
    };
    for e in -325..=308 {
        let d: f64 = format!("1e{e}").parse().unwrap();
        neighbours(d, &mut v);
        let d: f64 = format!("5e{e}").parse().unwrap();
        neighbours(d, &mut v);
    }
    for e in -1074i64..=1023 {
        let bits = if e < -1022 {
            1u64 << (e + 1074)
        } else {
            ((e + 1023) as u64) << 52
        };
        neighbours(f64::from_bits(bits), &mut v);
    }
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for _ in 0..60_000 {
        let bits = rng.next();
        let d = f64::from_bits(bits);
        if !d.is_nan() {
            v.push(d);
        }
    }
    // Subnormals, small integers and short decimals (the values programs print).
    for _ in 0..5_000 {
        v.push(f64::from_bits(rng.next() >> 12));
        v.push((rng.next() % 100_000) as f64);
        v.push((rng.next() % 100_000) as f64 / 1000.0);
        v.push((rng.next() % 1_000_000) as f64 * 1e-9);
    }
    // Halfway cases: decimals with 17 digits ending in 5.
    for _ in 0..5_000 {
        let mantissa = 10_000_000_000_000_000 + rng.next() % 90_000_000_000_000_000;
        let mantissa = mantissa - mantissa % 10 + 5;
        let exp = (rng.next() % 600) as i32 - 300;
        v.push(format!("{mantissa}e{exp}").parse().unwrap());
    }
    v
}

fn float_repr_matches_python() {
    let samples = repr_samples();
    let cases: Vec<String> = samples.iter().map(|d| d.to_bits().to_string()).collect();
    let ours: Vec<String> = samples.iter().map(|&d| repr(d)).collect();
    let theirs = run_python(
        "import struct, sys\n\
         for line in sys.stdin:\n\
         \x20   print(repr(struct.unpack('<d', struct.pack('<Q', int(line)))[0]))\n",
        &[],
        &cases,
    );
    compare("float repr", &cases, &ours, &theirs);
    // Every repr reads back as the same double.
    for &d in &samples {
        if !d.is_nan() {
            assert_eq!(repr(d).parse::<f64>().unwrap().to_bits(), d.to_bits());
        }
    }
}

const ARITHMETIC: &str = r#"
import struct, sys
def f(x): return struct.unpack('<d', struct.pack('<Q', int(x)))[0]
def out(r):
    if isinstance(r, complex): return "COMPLEX"
    if r != r: return "nan"
    return "F%d" % struct.unpack('<Q', struct.pack('<d', r))[0]
for line in sys.stdin:
    op, a, b = line.split()
    a, b = f(a), f(b)
    try:
        if op == "div": r = out(a / b)
        elif op == "floordiv": r = out(a // b)
        elif op == "mod": r = out(a % b)
        elif op == "divmod": q, m = divmod(a, b); r = out(q) + " " + out(m)
        elif op == "pow": r = out(a ** b)
    except OverflowError as e:
        # A complex result that overflowed: still a complex result.
        r = "COMPLEX" if str(e) == "complex exponentiation" else "ERR OverflowError: %s" % e
    except Exception as e:
        r = "ERR %s: %s" % (type(e).__name__, e)
    print(r)
"#;

fn float_arithmetic_matches_python() {
    let mut operands = vec![
        0.0,
        -0.0,
        1.0,
        -1.0,
        2.0,
        -2.0,
        0.5,
        -0.5,
        3.0,
        -3.0,
        7.0,
        -7.0,
        0.1,
        1.0 / 3.0,
        2.5,
        -2.5,
        10.0,
        400.0,
        -401.0,
        1e308,
        -1e308,
        1e-300,
        5e-324,
        -5e-324,
        1e16,
        9007199254740993.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..12 {
        let x = (rng.next() % 2_000_001) as f64 / 1000.0 - 1000.0;
        operands.push(x);
    }
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    for &a in &operands {
        for &b in &operands {
            let ops: [(&str, unsafe extern "C" fn(f64, f64, *mut bool) -> f64); 4] = [
                ("div", kr_float_div),
                ("floordiv", kr_float_floordiv),
                ("mod", kr_float_mod),
                ("pow", kr_float_pow),
            ];
            for (name, f) in ops {
                let mut error = false;
                let r = unsafe { f(a, b, &mut error) };
                cases.push(format!("{name} {} {}", a.to_bits(), b.to_bits()));
                ours.push(float_outcome(r, error));
            }
            let mut error = false;
            let mut m = 0.0;
            let q = unsafe { kr_float_divmod(a, b, &mut m, &mut error) };
            cases.push(format!("divmod {} {}", a.to_bits(), b.to_bits()));
            ours.push(if error {
                float_outcome(q, error)
            } else {
                format!("{} {}", float_outcome(q, false), float_outcome(m, false))
            });
        }
    }
    let theirs = run_python(ARITHMETIC, &[], &cases);
    compare("float arithmetic", &cases, &ours, &theirs);
}

fn kr_str(text: &str) -> *mut KrStr {
    unsafe { kr_str_from_utf8(text.as_ptr().cast(), text.len()) }
}

fn hex(text: &str) -> String {
    text.bytes().map(|b| format!("{b:02x}")).collect()
}

const PARSING: &str = r#"
import struct, sys
for line in sys.stdin:
    op, text = line.split(" ", 1)
    s = bytes.fromhex(text.strip()).decode("utf-8")
    try:
        if op == "int": r = str(int(s))
        else:
            d = float(s)
            r = "nan" if d != d else "F%d" % struct.unpack('<Q', struct.pack('<d', d))[0]
    except Exception as e:
        r = "ERR %s: %s" % (type(e).__name__, e)
    print(r)
"#;

fn str_to_number_matches_python() {
    let mut texts: Vec<String> = [
        "0", "-0", "+7", " 42 ", "1_000", "_1", "1_", "1__0", "0x10", "0b1", "010", "00",
        "", " ", "x", "it's", "\"q\"", "1.5", "1.", ".5", ".", "-.5e-3", "1e5", "1E+05",
        "1e", "e5", "1e5_0", "1_0.5_5e1_0", "1_.5", "1._5", "1e+_5", "inf", "-INF",
        "+Infinity", "infinit", "nan", "-nan", "NaN", "nan(1)", "0x1p3", "1.5j", "\u{0}",
        "1\u{0}", "\t\n 3 \x0b\x0c\r", "\x1c5\x1f", "\u{a0}12\u{3000}", "\u{661}\u{662}",
        "\u{ff11}\u{ff10}", "\u{1d7ce}\u{1d7cf}", "\u{85}9", "1\u{300}", "\u{e9}",
        "9999999999999999999999999999", "-123456789012345678901234567890",
        "1e500", "-1e500", "1e-400", "2.4703282292062328e-324", "0.1000000000000000055511151231257827",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9",
        "\u{2028}1", "1\u{2029}", "٣.٥", "1.5\u{ff45}2",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    texts.push("x".repeat(300));
    texts.push(format!("{}\u{e9}", "\n".repeat(150)));
    texts.push("9".repeat(5000));
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    for text in &texts {
        let s = kr_str(text);
        cases.push(format!("int {}", hex(text)));
        let v = unsafe { kr_int_from_kr_str(s) };
        ours.push(if v == KR_ERROR {
            error_text()
        } else {
            let mut len = 0;
            let p = unsafe { kr_int_to_str(v, 10, &mut len) };
            unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
        });
        cases.push(format!("float {}", hex(text)));
        let mut error = false;
        let d = unsafe { kr_float_from_kr_str(s, &mut error) };
        ours.push(float_outcome(d, error));
    }
    // kr_int_from_str (bytes, no str object) quotes the same way, cut to 200 too.
    for text in [
        "x".repeat(300),
        format!("{}'", "\t".repeat(120)),
        "1_".into(),
    ] {
        cases.push(format!("int {}", hex(&text)));
        let v = unsafe { kr_int_from_str(text.as_ptr().cast(), text.len(), 10) };
        assert_eq!(v, KR_ERROR);
        ours.push(error_text());
    }
    let theirs = run_python(PARSING, &[], &cases);
    compare("int()/float() of str", &cases, &ours, &theirs);
}

const STRINGS: &str = r#"
import sys
for line in sys.stdin:
    a, b = (bytes.fromhex(x).decode("utf-8") for x in line.split(","))
    print(repr(a), len(a), a.isascii(), (a > b) - (a < b), int(a == b), int(b in a), repr(a + b), len(a + b))
"#;

fn str_repr_and_order_match_python() {
    let texts = [
        "",
        "a",
        "ab",
        "abc",
        "b",
        "it's",
        "say \"hi\"",
        "both ' and \"",
        "back\\slash",
        "tab\tnew\nret\r",
        "\u{0}\u{7f}\u{85}\u{a0}\u{ad}",
        "h\u{e9}llo",
        "\u{378}",
        "\u{1f600}",
        "\u{e0001}",
        "\u{ffff}",
        "\u{10ffff}",
        "\u{2028}",
        "\u{d7ff}",
        "\u{e000}",
        "日本語",
        "aé",
        "a\u{10000}",
        "bc",
        "ab\u{0}",
    ];
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    for a in texts {
        for b in texts {
            let (x, y) = (kr_str(a), kr_str(b));
            cases.push(format!("{},{}", hex(a), hex(b)));
            let mut len = 0;
            let r = unsafe { CStr::from_ptr(kr_str_repr(x, &mut len)) }
                .to_string_lossy()
                .into_owned();
            assert_eq!(len, r.len());
            let ascii = unsafe { (*x).ascii } != 0;
            let joined = unsafe { kr_str_concat(x, y) };
            let jr = unsafe { CStr::from_ptr(kr_str_repr(joined, &mut len)) }
                .to_string_lossy()
                .into_owned();
            ours.push(format!(
                "{r} {} {} {} {} {} {jr} {}",
                unsafe { (*x).length },
                if ascii { "True" } else { "False" },
                unsafe { kr_str_compare(x, y) },
                unsafe { kr_str_eq(x, y) } as i32,
                unsafe { kr_str_contains(x, y) } as i32,
                unsafe { (*joined).length },
            ));
        }
    }
    let theirs = run_python(STRINGS, &[], &cases);
    compare("str repr/order", &cases, &ours, &theirs);
}

fn raise_str_formats_like_python() {
    unsafe {
        kr_raise_str(exc::ASSERTION, std::ptr::null());
        let mut len = 0;
        let text = CStr::from_ptr(kr_format_exception(&mut len))
            .to_string_lossy()
            .into_owned();
        assert_eq!(text, "AssertionError\n");
        kr_raise_str(exc::VALUE, kr_str(""));
        let text = CStr::from_ptr(kr_format_exception(&mut len))
            .to_string_lossy()
            .into_owned();
        assert_eq!(text, "ValueError\n");
        kr_raise_str(exc::VALUE, kr_str("bad ü"));
        let text = CStr::from_ptr(kr_format_exception(&mut len))
            .to_string_lossy()
            .into_owned();
        assert_eq!(text, "ValueError: bad ü\n");
        assert_eq!(len, text.len());
        kr_error_clear();
    }
}
