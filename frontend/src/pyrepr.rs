//! Python's `repr` of constant values (str, bytes, int, float, complex), exactly as
//! CPython 3.11 prints them.
//!
//! `dump` uses these to print `Constant` nodes and identifiers; the runtime will
//! reuse `float_repr` for `repr(float)`, so each function is standalone and writes
//! into a caller-supplied `String` to avoid a temporary per value.

use crate::ast::{Constant, Int};
use crate::pystr::PyStr;
use crate::unicode_tables::is_printable;
use std::fmt::Write;

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

/// Appends `\x` followed by `width` lowercase hex digits of `value`.
fn push_hex_escape(out: &mut String, marker: char, value: u32, width: u32) {
    out.push('\\');
    out.push(marker);
    for shift in (0..width).rev() {
        let nibble = (value >> (shift * 4)) & 0xF;
        out.push(HEX_DIGITS[nibble as usize] as char);
    }
}

/// The quote `repr` uses: `'`, unless the text has a `'` and no `"`.
fn choose_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

/// `repr(s)` for a `str`, appended to `out`.
pub fn write_str_repr(out: &mut String, s: &PyStr) {
    let bytes = s.as_wtf8();
    let quote = choose_quote(bytes.contains(&b'\''), bytes.contains(&b'"'));
    out.reserve(bytes.len() + 2);
    out.push(quote);
    for cp in s.code_points() {
        match cp {
            0x5C => out.push_str("\\\\"),
            0x09 => out.push_str("\\t"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            _ if cp == quote as u32 => {
                out.push('\\');
                out.push(quote);
            }
            0x00..=0x1F | 0x7F => push_hex_escape(out, 'x', cp, 2),
            0x20..=0x7E => out.push(cp as u8 as char),
            _ if is_printable(cp) => match char::from_u32(cp) {
                Some(c) => out.push(c),
                // Unreachable: surrogates are never printable. Escape to stay total.
                None => push_hex_escape(out, 'u', cp, 4),
            },
            0x80..=0xFF => push_hex_escape(out, 'x', cp, 2),
            0x100..=0xFFFF => push_hex_escape(out, 'u', cp, 4),
            _ => push_hex_escape(out, 'U', cp, 8),
        }
    }
    out.push(quote);
}

/// `repr(s)` for a `str`.
pub fn str_repr(s: &PyStr) -> String {
    let mut out = String::new();
    write_str_repr(&mut out, s);
    out
}

/// `repr(s)` for text that is valid UTF-8 (identifiers, kinds), appended to `out`.
///
/// Same output as `write_str_repr`, without building a `PyStr` first.
pub fn write_text_repr(out: &mut String, text: &str) {
    let plain = text
        .bytes()
        .all(|b| (0x20..0x7F).contains(&b) && b != b'\\' && b != b'\'');
    if plain {
        // The common case for identifiers: nothing to escape, single quotes.
        out.reserve(text.len() + 2);
        out.push('\'');
        out.push_str(text);
        out.push('\'');
    } else {
        write_str_repr(out, &PyStr::from(text));
    }
}

/// `repr(b)` for `bytes`, appended to `out`.
pub fn write_bytes_repr(out: &mut String, bytes: &[u8]) {
    let quote = choose_quote(bytes.contains(&b'\''), bytes.contains(&b'"'));
    out.reserve(bytes.len() + 3);
    out.push('b');
    out.push(quote);
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if b == quote as u8 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7E => out.push(b as char),
            _ => push_hex_escape(out, 'x', u32::from(b), 2),
        }
    }
    out.push(quote);
}

/// `repr(b)` for `bytes`.
pub fn bytes_repr(bytes: &[u8]) -> String {
    let mut out = String::new();
    write_bytes_repr(&mut out, bytes);
    out
}

/// `repr(i)` for an `int`, appended to `out`.
pub fn write_int_repr(out: &mut String, value: &Int) {
    // Writing to a String cannot fail.
    let _ = match value {
        Int::Small(i) => write!(out, "{i}"),
        Int::Big(b) => write!(out, "{b}"),
    };
}

/// How `write_float_digits` lays a finite or special float out.
#[derive(Clone, Copy)]
struct FloatStyle {
    /// Append `.0` to integral values written without an exponent (`repr(float)`),
    /// as opposed to the parts of a complex number (`1j`, `(1+2j)`).
    add_dot_0: bool,
    /// Always write a sign, `+` included (the imaginary part of `(1+2j)`).
    always_sign: bool,
}

/// CPython's `PyOS_double_to_string(x, 'r', 0, flags)`: the shortest digits that
/// round-trip, in positional form when the decimal exponent is in `-4..16` and in
/// exponent form (`1e+16`, `1e-05`) otherwise.
fn write_float_digits(out: &mut String, x: f64, style: FloatStyle) {
    if x.is_nan() {
        // CPython never prints a sign on a NaN, except the forced `+`.
        if style.always_sign {
            out.push('+');
        }
        out.push_str("nan");
        return;
    }
    if x.is_sign_negative() {
        out.push('-');
    } else if style.always_sign {
        out.push('+');
    }
    if x.is_infinite() {
        out.push_str("inf");
        return;
    }
    // Rust's `{:e}` gives the shortest round-trip digits: `d[.ddd]e<exp>`.
    let mut scientific = String::with_capacity(32);
    let _ = write!(scientific, "{:e}", x.abs());
    // When several strings of that length round-trip, CPython (David Gay's dtoa,
    // mode 0) prints the one nearest the exact value, while Rust may print another
    // (`247600580198296.62` rather than `.63`). The correctly rounded string of the
    // same length is the nearest; use it whenever it round-trips too.
    let shortest_len = scientific
        .bytes()
        .take_while(|&b| b != b'e')
        .filter(u8::is_ascii_digit)
        .count();
    if shortest_len > 1 {
        let nearest = format!("{:.*e}", shortest_len - 1, x.abs());
        if nearest != scientific && nearest.parse::<f64>() == Ok(x.abs()) {
            scientific = nearest;
        }
    }
    let (mantissa, exponent) = scientific
        .split_once('e')
        .unwrap_or((scientific.as_str(), "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let digit_count = digits.len() as i32;
    // The position of the decimal point relative to the start of `digits`.
    let point = exponent + 1;

    if !(-4..16).contains(&exponent) {
        let (first, rest) = digits.split_at(1.min(digits.len()));
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        let sign = if exponent < 0 { '-' } else { '+' };
        let _ = write!(out, "e{sign}{:02}", exponent.unsigned_abs());
    } else if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', point.unsigned_abs() as usize));
        out.push_str(&digits);
    } else if point >= digit_count {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', (point - digit_count) as usize));
        if style.add_dot_0 {
            out.push_str(".0");
        }
    } else {
        let (int_part, frac_part) = digits.split_at(point as usize);
        out.push_str(int_part);
        out.push('.');
        out.push_str(frac_part);
    }
}

/// `repr(x)` for a `float`, appended to `out`.
pub fn write_float_repr(out: &mut String, x: f64) {
    let style = FloatStyle {
        add_dot_0: true,
        always_sign: false,
    };
    write_float_digits(out, x, style);
}

/// `repr(x)` for a `float`: `1.0`, `0.1`, `1e+16`, `1e-05`, `-0.0`, `inf`, `nan`.
pub fn float_repr(x: f64) -> String {
    let mut out = String::new();
    write_float_repr(&mut out, x);
    out
}

/// `repr(complex(real, imag))`, appended to `out`: `1j`, `-0j`, `(1-2j)`, `(-0+1j)`.
pub fn write_complex_repr(out: &mut String, real: f64, imag: f64) {
    let plain = FloatStyle {
        add_dot_0: false,
        always_sign: false,
    };
    if real == 0.0 && real.is_sign_positive() {
        write_float_digits(out, imag, plain);
        out.push('j');
    } else {
        out.push('(');
        write_float_digits(out, real, plain);
        let signed = FloatStyle {
            always_sign: true,
            ..plain
        };
        write_float_digits(out, imag, signed);
        out.push_str("j)");
    }
}

/// `repr(complex(real, imag))`.
pub fn complex_repr(real: f64, imag: f64) -> String {
    let mut out = String::new();
    write_complex_repr(&mut out, real, imag);
    out
}

/// `repr(value)` for the value of a `Constant` node, appended to `out`.
pub fn write_constant_repr(out: &mut String, value: &Constant) {
    match value {
        Constant::None => out.push_str("None"),
        Constant::Bool(true) => out.push_str("True"),
        Constant::Bool(false) => out.push_str("False"),
        Constant::Str(s) => write_str_repr(out, s),
        Constant::Bytes(b) => write_bytes_repr(out, b),
        Constant::Int(i) => write_int_repr(out, i),
        Constant::Float(x) => write_float_repr(out, *x),
        Constant::Complex { imag } => write_complex_repr(out, 0.0, *imag),
        Constant::Ellipsis => out.push_str("Ellipsis"),
    }
}

/// `repr(value)` for the value of a `Constant` node.
pub fn constant_repr(value: &Constant) -> String {
    let mut out = String::new();
    write_constant_repr(&mut out, value);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint::BigInt;

    fn pystr(code_points: &[u32]) -> PyStr {
        let mut s = PyStr::new();
        for &cp in code_points {
            s.push_code_point(cp);
        }
        s
    }

    // Every expected string below was printed by CPython 3.11.7.

    #[test]
    fn str_quotes() {
        assert_eq!(str_repr(&PyStr::from("abc")), "'abc'");
        assert_eq!(str_repr(&PyStr::from("")), "''");
        assert_eq!(str_repr(&PyStr::from("a'b")), "\"a'b\"");
        assert_eq!(str_repr(&PyStr::from("a\"b")), "'a\"b'");
        assert_eq!(str_repr(&PyStr::from("a'\"b")), r#"'a\'"b'"#);
    }

    #[test]
    fn str_escapes() {
        let s = pystr(&[
            0x00, 0x1F, 0x7F, 0x80, 0xA0, 0xAD, 0xFF, 0x100, 0x2028, 0xD800, 0x1F600, 0xE0001,
            0x10FFFF, 0x09, 0x0A, 0x0D, 0x5C,
        ]);
        assert_eq!(
            str_repr(&s),
            r"'\x00\x1f\x7f\x80\xa0\xadÿĀ\u2028\ud800😀\U000e0001\U0010ffff\t\n\r\\'"
        );
        assert_eq!(str_repr(&PyStr::from("é中")), "'é中'");
        // Lone surrogates at both ends of the surrogate block.
        assert_eq!(str_repr(&pystr(&[0xDC80, 0xDFFF])), r"'\udc80\udfff'");
        // U+3000 (ideographic space, Zs) and U+00A0 are not printable; U+0020 is.
        assert_eq!(str_repr(&PyStr::from(" \u{3000}")), r"' \u3000'");
    }

    #[test]
    fn text_repr_matches_str_repr() {
        for text in ["x", "é", "a'b", "a\\b", "\u{2028}", "\"'"] {
            let mut fast = String::new();
            write_text_repr(&mut fast, text);
            assert_eq!(fast, str_repr(&PyStr::from(text)), "{text:?}");
        }
    }

    #[test]
    fn printable_table() {
        assert!(is_printable(' ' as u32));
        assert!(!is_printable(0x0A));
        assert!(!is_printable(0xA0));
        assert!(is_printable(0xA1));
        assert!(!is_printable(0xD800));
        assert!(is_printable(0x1F600));
        assert!(!is_printable(0x10FFFF));
        assert!(!is_printable(0x110000));
    }

    #[test]
    fn bytes() {
        assert_eq!(bytes_repr(b"a'b"), "b\"a'b\"");
        assert_eq!(bytes_repr(b"a\"b"), "b'a\"b'");
        assert_eq!(bytes_repr(b"'\""), r#"b'\'"'"#);
        assert_eq!(bytes_repr(b""), "b''");
        let every_seventh: Vec<u8> = (0..=255u8).step_by(7).collect();
        assert_eq!(
            bytes_repr(&every_seventh),
            r"b'\x00\x07\x0e\x15\x1c#*18?FMT[bipw~\x85\x8c\x93\x9a\xa1\xa8\xaf\xb6\xbd\xc4\xcb\xd2\xd9\xe0\xe7\xee\xf5\xfc'"
        );
        assert_eq!(bytes_repr(b"\t\n\r\\\x7f"), r"b'\t\n\r\\\x7f'");
    }

    #[test]
    fn ints() {
        assert_eq!(constant_repr(&Constant::Int(Int::Small(0))), "0");
        assert_eq!(constant_repr(&Constant::Int(Int::Small(-42))), "-42");
        let big: BigInt = "123456789012345678901234567890".parse().unwrap();
        assert_eq!(
            constant_repr(&Constant::Int(Int::Big(big))),
            "123456789012345678901234567890"
        );
    }

    #[test]
    fn floats() {
        let cases: &[(f64, &str)] = &[
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (0.00012, "0.00012"),
            (1.0, "1.0"),
            (1.5, "1.5"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
            (1.5e-7, "1.5e-07"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (0.1, "0.1"),
            (1.0 / 3.0, "0.3333333333333333"),
            (100.0, "100.0"),
            (1e22, "1e+22"),
            (12345.678, "12345.678"),
            (9999999999999998.0, "9999999999999998.0"),
            (-2.5e-300, "-2.5e-300"),
            // Two 17-digit strings round-trip; CPython prints the nearer one.
            (247600580198296.62, "247600580198296.62"),
            (f64::from_bits(0x42EC_2620_141F_F314), "247600580198296.62"),
        ];
        for &(x, expected) in cases {
            assert_eq!(float_repr(x), expected, "repr of {x:e}");
        }
    }

    #[test]
    fn complexes() {
        let cases: &[(f64, f64, &str)] = &[
            (0.0, 1.0, "1j"),
            (0.0, 0.0, "0j"),
            (0.0, 1.5, "1.5j"),
            (0.0, 1e16, "1e+16j"),
            (0.0, f64::INFINITY, "infj"),
            (0.0, f64::NAN, "nanj"),
            (0.0, -f64::NAN, "nanj"),
            (1.0, -2.0, "(1-2j)"),
            (-0.0, 1.0, "(-0+1j)"),
            (1.0, f64::NAN, "(1+nanj)"),
            (0.0, -1.0, "-1j"),
            (0.0, 1e-5, "1e-05j"),
            (0.0, -0.0, "-0j"),
            (-0.0, -0.0, "(-0-0j)"),
            (f64::INFINITY, f64::NEG_INFINITY, "(inf-infj)"),
            (2.0, 1e16, "(2+1e+16j)"),
            (2.0, 1e-7, "(2+1e-07j)"),
        ];
        for &(real, imag, expected) in cases {
            assert_eq!(complex_repr(real, imag), expected);
        }
    }

    #[test]
    fn singletons() {
        assert_eq!(constant_repr(&Constant::None), "None");
        assert_eq!(constant_repr(&Constant::Bool(true)), "True");
        assert_eq!(constant_repr(&Constant::Bool(false)), "False");
        assert_eq!(constant_repr(&Constant::Ellipsis), "Ellipsis");
    }
}
