//! Differential test of the runtime's ints against python3: the same operations on
//! the same operands (small, at the small/big boundary, and big; random and chosen
//! edges) must give the same results, the same exception classes and messages.

mod common;

use common::{error_text, run_python};
use runtime_c::ffi::*;

fn main() {
    unsafe { kr_runtime_init() };
    ints_match_python();
    println!("test ints_match_python ... ok");
    parsing_and_errors_match_python();
    println!("test parsing_and_errors_match_python ... ok");
}

use std::ffi::CStr;

/// Operands as decimal text: the small-int boundary (2**62), i64 limits, big values.
fn operands() -> Vec<String> {
    let mut v: Vec<String> = [
        "0",
        "1",
        "-1",
        "2",
        "-2",
        "3",
        "-3",
        "7",
        "-7",
        "10",
        "-10",
        "255",
        "-256",
        "4611686018427387903",
        "4611686018427387904",
        "-4611686018427387904",
        "-4611686018427387905",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "-9223372036854775809",
        "18446744073709551619",
        "-18446744073709551619",
        "1000000000000000000000000000007",
        "-1000000000000000000000000000000",
        "9007199254740993",
        "-9007199254740993",
        "515377520732011331036461129765621272702107522001",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Deterministic pseudo-random values of 1 to 200 bits, both signs.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for i in 0..24 {
        let words = 1 + (i % 3);
        let mut text = String::from(if i % 2 == 0 { "" } else { "-" });
        let mut value: u128 = 0;
        for _ in 0..words.min(2) {
            value = (value << 64) | next() as u128;
        }
        value >>= next() % 100;
        text.push_str(&value.to_string());
        if words == 3 {
            text.push_str(&format!("{}", next() % 1_000_000_007));
        }
        v.push(text);
    }
    v
}

fn int(text: &str) -> KrValue {
    unsafe { kr_int_from_str(text.as_ptr().cast(), text.len(), 10) }
}

fn outcome(v: KrValue) -> String {
    unsafe {
        if v == KR_ERROR {
            return error_text();
        }
        let mut len = 0usize;
        let p = kr_int_to_str(v, 10, &mut len);
        if p.is_null() {
            return error_text();
        }
        CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}

fn float_outcome(d: f64, error: bool) -> String {
    if error {
        error_text()
    } else {
        format!("F{}", d.to_bits())
    }
}

/// The Python side: reads `op a b [c]` lines, prints one result line each.
const PYTHON: &str = r#"
import struct, sys
def fbits(x): return "F%d" % struct.unpack("<Q", struct.pack("<d", x))[0]
for line in sys.stdin:
    op, *args = line.split()
    a, b, c = (args + [None, None, None])[:3]
    try:
        if op in ("fcmp",):
            x, d = int(a), float.fromhex(b)
            r = "nan" if d != d else str((x > d) - (x < d))
        else:
            x, y = int(a), (int(b) if b is not None else None)
            z = int(c) if c is not None else None
            r = {
                "add": lambda: x + y, "sub": lambda: x - y, "mul": lambda: x * y,
                "floordiv": lambda: x // y, "mod": lambda: x % y, "and": lambda: x & y,
                "or": lambda: x | y, "xor": lambda: x ^ y, "lshift": lambda: x << y,
                "rshift": lambda: x >> y, "pow": lambda: x ** y,
                "powmod": lambda: pow(x, y, z), "neg": lambda: -x, "abs": lambda: abs(x),
                "invert": lambda: ~x, "cmp": lambda: (x > y) - (x < y),
                "eq": lambda: int(x == y), "hash": lambda: hash(x),
                "hex": lambda: hex(x), "oct": lambda: oct(x), "bin": lambda: bin(x),
                "truediv": lambda: fbits(x / y), "float": lambda: fbits(float(x)),
            }[op]()
            r = str(r)
    except Exception as e:
        r = "ERR %s: %s" % (type(e).__name__, e)
    print(r)
"#;

fn ints_match_python() {
    unsafe { kr_runtime_init() };
    let ops = operands();
    let mut cases: Vec<String> = Vec::new();
    let mut ours: Vec<String> = Vec::new();
    let binary: [(&str, unsafe extern "C" fn(KrValue, KrValue) -> KrValue); 7] = [
        ("add", kr_int_add),
        ("sub", kr_int_sub),
        ("mul", kr_int_mul),
        ("floordiv", kr_int_floordiv),
        ("mod", kr_int_mod),
        ("and", kr_int_and),
        ("or", kr_int_or),
    ];
    for a in &ops {
        for b in &ops {
            let (x, y) = (int(a), int(b));
            for (name, f) in binary {
                cases.push(format!("{name} {a} {b}"));
                ours.push(outcome(unsafe { f(x, y) }));
            }
            cases.push(format!("xor {a} {b}"));
            ours.push(outcome(unsafe { kr_int_xor(x, y) }));
            cases.push(format!("cmp {a} {b}"));
            ours.push(unsafe { kr_int_compare(x, y) }.to_string());
            cases.push(format!("eq {a} {b}"));
            ours.push((unsafe { kr_int_eq(x, y) } as i32).to_string());
            let mut err = false;
            let d = unsafe { kr_int_truediv(x, y, &mut err) };
            cases.push(format!("truediv {a} {b}"));
            ours.push(float_outcome(d, err));
        }
        let x = int(a);
        for shift in ["0", "1", "5", "61", "62", "63", "64", "130", "-1"] {
            let s = int(shift);
            cases.push(format!("lshift {a} {shift}"));
            ours.push(outcome(unsafe { kr_int_lshift(x, s) }));
            cases.push(format!("rshift {a} {shift}"));
            ours.push(outcome(unsafe { kr_int_rshift(x, s) }));
        }
        for e in ["0", "1", "2", "3", "17", "64"] {
            cases.push(format!("pow {a} {e}"));
            ours.push(outcome(unsafe { kr_int_pow(x, int(e)) }));
        }
        for (e, m) in [
            ("5", "7"),
            ("-1", "7"),
            ("-1", "-7"),
            ("3", "0"),
            ("100", "-1000000007"),
            ("-3", "4"),
        ] {
            cases.push(format!("powmod {a} {e} {m}"));
            ours.push(outcome(unsafe { kr_int_powmod(x, int(e), int(m)) }));
        }
        for (name, f) in [
            (
                "neg",
                kr_int_neg as unsafe extern "C" fn(KrValue) -> KrValue,
            ),
            ("abs", kr_int_abs),
            ("invert", kr_int_invert),
        ] {
            cases.push(format!("{name} {a}"));
            ours.push(outcome(unsafe { f(x) }));
        }
        cases.push(format!("hash {a}"));
        ours.push(unsafe { kr_int_hash(x) }.to_string());
        for (name, base) in [("hex", 16), ("oct", 8), ("bin", 2)] {
            let mut len = 0usize;
            let p = unsafe { kr_int_to_str(x, base, &mut len) };
            cases.push(format!("{name} {a}"));
            ours.push(unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned());
        }
        let mut err = false;
        let d = unsafe { kr_int_to_double(x, &mut err) };
        cases.push(format!("float {a}"));
        ours.push(float_outcome(d, err));
        for d in [
            0.5,
            -0.5,
            1e300,
            -1e300,
            9007199254740992.0,
            4.611686018427388e18,
            f64::INFINITY,
            f64::NAN,
            1e-310,
        ] {
            let c = unsafe { kr_int_compare_double(x, d) };
            cases.push(format!("fcmp {a} {}", hex_float(d)));
            ours.push(if c == 2 { "nan".into() } else { c.to_string() });
        }
    }
    let theirs = run_python(PYTHON, &[], &cases);
    assert_eq!(
        theirs.len(),
        cases.len(),
        "python3 answered a different number of lines"
    );
    let mut failures = Vec::new();
    for ((case, mine), py) in cases.iter().zip(&ours).zip(&theirs) {
        if mine != py {
            failures.push(format!("{case}\n   krait:  {mine}\n   python: {py}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ; first ones:\n{}",
        failures.len(),
        cases.len(),
        failures[..failures.len().min(10)].join("\n")
    );
}

fn parsing_and_errors_match_python() {
    unsafe { kr_runtime_init() };
    let texts: &[(&str, i32, &str)] = &[
        (" 0x_1f ", 0, "31"),
        (
            "010",
            0,
            "ERR ValueError: invalid literal for int() with base 0: '010'",
        ),
        ("000", 0, "0"),
        ("1_000", 10, "1000"),
        (
            "_1",
            10,
            "ERR ValueError: invalid literal for int() with base 10: '_1'",
        ),
        (
            "1__0",
            10,
            "ERR ValueError: invalid literal for int() with base 10: '1__0'",
        ),
        (
            "0b102",
            0,
            "ERR ValueError: invalid literal for int() with base 0: '0b102'",
        ),
        ("0b1", 16, "177"),
        ("-ZZ", 36, "-1295"),
        (
            "it's",
            10,
            "ERR ValueError: invalid literal for int() with base 10: \"it's\"",
        ),
        (
            "",
            10,
            "ERR ValueError: invalid literal for int() with base 10: ''",
        ),
    ];
    for (text, base, expected) in texts {
        let v = unsafe { kr_int_from_str(text.as_ptr().cast(), text.len(), *base) };
        assert_eq!(&outcome(v), expected, "int({text:?}, {base})");
    }
    let long = "1".repeat(5000);
    let v = unsafe { kr_int_from_str(long.as_ptr().cast(), long.len(), 10) };
    assert_eq!(
        outcome(v),
        "ERR ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"
    );
    let big = unsafe { kr_int_pow(kr_int_from_i64(10), kr_int_from_i64(5000)) };
    assert_eq!(
        outcome(big),
        "ERR ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
    );
    for (d, expected) in [
        (
            f64::INFINITY,
            "ERR OverflowError: cannot convert float infinity to integer",
        ),
        (
            f64::NAN,
            "ERR ValueError: cannot convert float NaN to integer",
        ),
        (-2.5, "-2"),
        (1e20, "100000000000000000000"),
    ] {
        assert_eq!(outcome(unsafe { kr_int_from_double(d) }), expected);
    }
}

fn hex_float(d: f64) -> String {
    if d.is_nan() {
        return "nan".into();
    }
    if d.is_infinite() {
        return if d > 0.0 { "inf".into() } else { "-inf".into() };
    }
    // float.fromhex accepts the exact form sign 0x1.<mantissa>p<exp>.
    let bits = d.to_bits();
    let sign = if bits >> 63 == 1 { "-" } else { "" };
    let exp = ((bits >> 52) & 0x7FF) as i64;
    let mantissa = bits & ((1 << 52) - 1);
    if exp == 0 {
        format!("{sign}0x0.{mantissa:013x}p-1022")
    } else {
        format!("{sign}0x1.{mantissa:013x}p{}", exp - 1023)
    }
}
