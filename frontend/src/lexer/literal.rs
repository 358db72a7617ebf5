//! Literal values: numbers, and the contents of string and bytes literals with
//! their escapes, computed as CPython 3.11 computes them, with its error texts.

use crate::ast::{Constant, Int, TextRange};
use crate::pystr::PyStr;
use crate::token::TokenKind;
use num_bigint::BigInt;

/// The value of a number token (`Int`, `Float` or `Imaginary`).
///
/// The text is one the lexer accepted, so it is well formed; anything else
/// yields a float NaN rather than a panic.
pub fn parse_number(text: &str, kind: TokenKind) -> Constant {
    let digits: String = text.chars().filter(|&c| c != '_').collect();
    match kind {
        TokenKind::Int => Constant::Int(parse_int(&digits)),
        TokenKind::Imaginary => {
            let body = digits.trim_end_matches(['j', 'J']);
            Constant::Complex {
                imag: body.parse().unwrap_or(f64::NAN),
            }
        }
        _ => Constant::Float(digits.parse().unwrap_or(f64::NAN)),
    }
}

fn parse_int(digits: &str) -> Int {
    let lower = digits.get(..2).map(str::to_ascii_lowercase);
    let (radix, body) = match lower.as_deref() {
        Some("0x") => (16, &digits[2..]),
        Some("0o") => (8, &digits[2..]),
        Some("0b") => (2, &digits[2..]),
        _ => (10, digits),
    };
    if let Ok(small) = i64::from_str_radix(body, radix) {
        return Int::Small(small);
    }
    match BigInt::parse_bytes(body.as_bytes(), radix) {
        Some(big) => Int::Big(big),
        None => Int::Small(0),
    }
}

/// The prefix letters of a string token.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StringPrefix {
    pub bytes: bool,
    pub raw: bool,
    pub unicode: bool,
    pub fstring: bool,
}

/// Splits a string token into its prefix, the range of its body (between the
/// quotes, relative to `text`), and the length of its quotes (1 or 3).
pub fn split_string_token(text: &str) -> (StringPrefix, TextRange, u32) {
    let mut prefix = StringPrefix::default();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&c) = bytes.get(i) {
        match c.to_ascii_lowercase() {
            b'b' => prefix.bytes = true,
            b'r' => prefix.raw = true,
            b'u' => prefix.unicode = true,
            b'f' => prefix.fstring = true,
            _ => break,
        }
        i += 1;
    }
    let quote = bytes.get(i).copied().unwrap_or(b'\'');
    let triple = bytes.len() >= i + 6
        && bytes.get(i + 1) == Some(&quote)
        && bytes.get(i + 2) == Some(&quote);
    let quote_len = if triple { 3 } else { 1 };
    let start = (i + quote_len).min(bytes.len());
    let end = bytes.len().saturating_sub(quote_len).max(start);
    (
        prefix,
        TextRange::new(start as u32, end as u32),
        quote_len as u32,
    )
}

/// An invalid literal: CPython's message and the byte offset in the body of
/// the escape (or character) at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiteralError {
    pub message: String,
    pub offset: u32,
}

/// The value of a `str` literal's body (`raw` for an `r` prefix).
pub fn decode_str(body: &str, raw: bool) -> Result<PyStr, LiteralError> {
    if raw || !body.contains('\\') {
        return Ok(PyStr::from(body));
    }
    let mut out = PyStr::new();
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let Some(next_backslash) = body.get(i..).and_then(|rest| rest.find('\\')) else {
            out.push_str(body.get(i..).unwrap_or_default());
            break;
        };
        out.push_str(body.get(i..i + next_backslash).unwrap_or_default());
        let at = i + next_backslash;
        i = at + 1;
        let Some(c) = body.get(i..).and_then(|rest| rest.chars().next()) else {
            return Err(unicode_escape_error(
                body,
                at,
                at + 1,
                "\\ at end of string",
            ));
        };
        i += c.len_utf8();
        match c {
            '\n' => {}
            'x' | 'u' | 'U' => {
                let (count, what) = match c {
                    'x' => (2, "truncated \\xXX escape"),
                    'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let (value, end) = hex_digits(bytes, i, count);
                if end - i < count {
                    return Err(unicode_escape_error(body, at, end, what));
                }
                if value > 0x10FFFF {
                    return Err(unicode_escape_error(
                        body,
                        at,
                        end,
                        "illegal Unicode character",
                    ));
                }
                out.push_code_point(value);
                i = end;
            }
            'N' => {
                let (c, end) = named_character(body, at)?;
                out.push_char(c);
                i = end;
            }
            _ => match simple_escape(c) {
                Some(value) => out.push_char(value),
                None if c.is_digit(8) => {
                    let (value, end) = octal_digits(bytes, at + 1);
                    out.push_code_point(value);
                    i = end;
                }
                None => {
                    // Unknown escapes stay as written (CPython warns).
                    out.push_char('\\');
                    out.push_char(c);
                }
            },
        }
    }
    Ok(out)
}

/// The value of a bytes literal's body.
pub fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, LiteralError> {
    if let Some(at) = body.bytes().position(|b| b >= 0x80) {
        return Err(LiteralError {
            message: "bytes can only contain ASCII literal characters".to_owned(),
            offset: at as u32,
        });
    }
    let bytes = body.as_bytes();
    if raw || !bytes.contains(&b'\\') {
        return Ok(bytes.to_vec());
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        i += 1;
        if b != b'\\' {
            out.push(b);
            continue;
        }
        let at = i - 1;
        let Some(&c) = bytes.get(i) else {
            return Err(LiteralError {
                message: "(value error) Trailing \\ in string".to_owned(),
                offset: at as u32,
            });
        };
        i += 1;
        match c {
            b'\n' => {}
            b'x' => {
                let (value, end) = hex_digits(bytes, i, 2);
                if end - i < 2 {
                    return Err(LiteralError {
                        message: format!("(value error) invalid \\x escape at position {at}"),
                        offset: at as u32,
                    });
                }
                out.push(value as u8);
                i = end;
            }
            b'0'..=b'7' => {
                let (value, end) = octal_digits(bytes, i - 1);
                // CPython keeps the low 8 bits of `\400`..`\777`.
                out.push((value & 0xFF) as u8);
                i = end;
            }
            _ => match simple_escape(c as char) {
                Some(value) => out.push(value as u8),
                None => {
                    out.push(b'\\');
                    out.push(c);
                }
            },
        }
    }
    Ok(out)
}

/// The one-character escapes (`\n`, `\t`, ...).
fn simple_escape(c: char) -> Option<char> {
    Some(match c {
        '\\' => '\\',
        '\'' => '\'',
        '"' => '"',
        'a' => '\x07',
        'b' => '\x08',
        'f' => '\x0c',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'v' => '\x0b',
        _ => return None,
    })
}

/// Up to `count` hex digits from `start`: their value and where they stop.
fn hex_digits(bytes: &[u8], start: usize, count: usize) -> (u32, usize) {
    let mut value = 0u32;
    let mut i = start;
    while i < start + count {
        let Some(digit) = bytes.get(i).and_then(|&b| (b as char).to_digit(16)) else {
            break;
        };
        value = value.saturating_mul(16).saturating_add(digit);
        i += 1;
    }
    (value, i)
}

/// One to three octal digits from `start`.
fn octal_digits(bytes: &[u8], start: usize) -> (u32, usize) {
    let mut value = 0u32;
    let mut i = start;
    while i < start + 3 {
        let Some(digit) = bytes.get(i).and_then(|&b| (b as char).to_digit(8)) else {
            break;
        };
        value = value * 8 + digit;
        i += 1;
    }
    (value, i)
}

/// `\N{name}` starting with the backslash at `at`: the character and the offset
/// after the `}`.
fn named_character(body: &str, at: usize) -> Result<(char, usize), LiteralError> {
    let bytes = body.as_bytes();
    let malformed =
        |end: usize| unicode_escape_error(body, at, end, "malformed \\N character escape");
    let open = at + 2;
    if bytes.get(open) != Some(&b'{') {
        return Err(malformed(open.min(bytes.len())));
    }
    let Some(close) = bytes
        .get(open + 1..)
        .and_then(|rest| rest.iter().position(|&b| b == b'}'))
    else {
        return Err(malformed(bytes.len()));
    };
    let close = open + 1 + close;
    if close == open + 1 {
        return Err(malformed(close));
    }
    let name = body.get(open + 1..close).unwrap_or_default();
    match lookup_name(name) {
        Some(c) => Ok((c, close + 1)),
        None => Err(unicode_escape_error(
            body,
            at,
            close + 1,
            "unknown Unicode character name",
        )),
    }
}

/// A character by its Unicode name or alias, case-insensitively, as `\N{}`
/// accepts it. Python rejects names with surrounding spaces.
fn lookup_name(name: &str) -> Option<char> {
    if name.starts_with(' ') || name.ends_with(' ') || !name.is_ascii() {
        return None;
    }
    unicode_names2::character(name)
}

/// CPython's `(unicode error) 'unicodeescape' codec can't decode bytes in
/// position A-B: ...`. CPython decodes a copy of the body in which every
/// non-ASCII character became a 10-byte `\UXXXXXXXX` escape (and a backslash
/// before one became `\u005c`), so positions are counted in that copy.
fn unicode_escape_error(body: &str, start: usize, end: usize, what: &str) -> LiteralError {
    let first = escaped_position(body, start);
    let last = escaped_position(body, end).saturating_sub(1).max(first);
    LiteralError {
        message: format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {first}-{last}: {what}"
        ),
        offset: start as u32,
    }
}

/// The position of body offset `offset` in CPython's escaped copy.
fn escaped_position(body: &str, offset: usize) -> usize {
    let mut position = 0;
    let mut previous_backslash = false;
    for (i, c) in body.char_indices() {
        if i >= offset {
            break;
        }
        if c.is_ascii() {
            position += 1;
        } else {
            // A backslash right before grows from 1 to 6 bytes (`\u005c`).
            position += 10 + if previous_backslash { 5 } else { 0 };
        }
        previous_backslash = c == '\\' && !previous_backslash;
    }
    position
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(body: &str) -> String {
        let value = decode_str(body, false).expect("valid");
        String::from_utf8_lossy(value.as_wtf8()).into_owned()
    }

    fn str_error(body: &str) -> String {
        decode_str(body, false).expect_err("invalid").message
    }

    #[test]
    fn numbers() {
        assert_eq!(
            parse_number("1_000", TokenKind::Int),
            Constant::Int(Int::Small(1000))
        );
        assert_eq!(
            parse_number("0xFF", TokenKind::Int),
            Constant::Int(Int::Small(255))
        );
        assert_eq!(
            parse_number("0o17", TokenKind::Int),
            Constant::Int(Int::Small(15))
        );
        assert_eq!(
            parse_number("0b_101", TokenKind::Int),
            Constant::Int(Int::Small(5))
        );
        assert_eq!(
            parse_number("00", TokenKind::Int),
            Constant::Int(Int::Small(0))
        );
        let big = "123456789012345678901234567890";
        assert_eq!(
            parse_number(big, TokenKind::Int),
            Constant::Int(Int::Big(big.parse().unwrap()))
        );
        assert_eq!(
            parse_number("1.5e3", TokenKind::Float),
            Constant::Float(1500.0)
        );
        assert_eq!(parse_number("1.", TokenKind::Float), Constant::Float(1.0));
        assert_eq!(parse_number(".5", TokenKind::Float), Constant::Float(0.5));
        assert_eq!(
            parse_number("1e400", TokenKind::Float),
            Constant::Float(f64::INFINITY)
        );
        // repr(0.1 + 0.2) territory: correctly rounded.
        assert_eq!(
            parse_number("0.30000000000000004", TokenKind::Float),
            Constant::Float(0.1 + 0.2)
        );
        assert_eq!(
            parse_number("1_0.5j", TokenKind::Imaginary),
            Constant::Complex { imag: 10.5 }
        );
        assert_eq!(
            parse_number("09J", TokenKind::Imaginary),
            Constant::Complex { imag: 9.0 }
        );
    }

    #[test]
    fn splitting_tokens() {
        let (p, r, q) = split_string_token("rb'''a'''");
        assert!(p.bytes && p.raw && !p.fstring && !p.unicode);
        assert_eq!((r, q), (TextRange::new(5, 6), 3));
        let (p, r, q) = split_string_token("''");
        assert_eq!(
            (p, r, q),
            (StringPrefix::default(), TextRange::new(1, 1), 1)
        );
        let (p, r, _) = split_string_token("F\"x\"");
        assert!(p.fstring);
        assert_eq!(r, TextRange::new(2, 3));
        assert_eq!(split_string_token("''''''").1, TextRange::new(3, 3));
    }

    #[test]
    fn escapes() {
        assert_eq!(s(r"a\nb\t\\\'\x41\u00e9\U0001F600"), "a\nb\t\\'Aé😀");
        assert_eq!(s(r"\0\01\012\0123"), "\0\x01\n\n3");
        assert_eq!(s(r"\777"), "\u{1ff}");
        assert_eq!(s(r"\q\d"), r"\q\d");
        assert_eq!(s("a\\\nb"), "ab");
        assert_eq!(
            s(r"\N{latin small letter a}\N{LINE FEED}\N{NBSP}"),
            "a\n\u{a0}"
        );
        assert_eq!(
            s(r"\N{EM SPACE}\N{CJK UNIFIED IDEOGRAPH-4E00}\N{HANGUL SYLLABLE GA}"),
            "\u{2003}一가"
        );
        assert_eq!(s(r"\N{BOM}"), "\u{feff}");
        let surrogate = decode_str(r"\ud800", false).unwrap();
        assert_eq!(surrogate.code_points().collect::<Vec<_>>(), vec![0xD800]);
        assert_eq!(decode_str(r"\x", true).unwrap().as_str(), Some(r"\x"));
    }

    #[test]
    fn escape_errors() {
        let e = "(unicode error) 'unicodeescape' codec can't decode bytes in position";
        assert_eq!(
            str_error(r"\x4"),
            format!("{e} 0-2: truncated \\xXX escape")
        );
        assert_eq!(
            str_error(r"ab\x4g"),
            format!("{e} 2-4: truncated \\xXX escape")
        );
        assert_eq!(
            str_error(r"é\x4"),
            format!("{e} 10-12: truncated \\xXX escape")
        );
        assert_eq!(
            str_error(r"\u12"),
            format!("{e} 0-3: truncated \\uXXXX escape")
        );
        assert_eq!(
            str_error(r"\U1234"),
            format!("{e} 0-5: truncated \\UXXXXXXXX escape")
        );
        assert_eq!(
            str_error(r"\U00110000"),
            format!("{e} 0-9: illegal Unicode character")
        );
        assert_eq!(
            str_error(r"\N{foo}"),
            format!("{e} 0-6: unknown Unicode character name")
        );
        assert_eq!(
            str_error(r"ab\N{foo}"),
            format!("{e} 2-8: unknown Unicode character name")
        );
        assert_eq!(
            str_error(r"\N{ LATIN SMALL LETTER A}"),
            format!("{e} 0-24: unknown Unicode character name")
        );
        assert_eq!(
            str_error(r"\N"),
            format!("{e} 0-1: malformed \\N character escape")
        );
        assert_eq!(
            str_error(r"\N{"),
            format!("{e} 0-2: malformed \\N character escape")
        );
        assert_eq!(
            str_error(r"\N{a"),
            format!("{e} 0-3: malformed \\N character escape")
        );
        assert_eq!(
            str_error(r"\N{}"),
            format!("{e} 0-2: malformed \\N character escape")
        );
        assert_eq!(decode_str(r"ab\x4g", false).unwrap_err().offset, 2);
    }

    #[test]
    fn bytes() {
        assert_eq!(
            decode_bytes(r"a\x41\777\N{x}\n", false).unwrap(),
            b"aA\xff\\N{x}\n"
        );
        assert_eq!(decode_bytes(r"\x", true).unwrap(), b"\\x");
        assert_eq!(
            decode_bytes(r"ab\xZZ", false).unwrap_err().message,
            "(value error) invalid \\x escape at position 2"
        );
        let e = decode_bytes("aé", false).unwrap_err();
        assert_eq!(e.message, "bytes can only contain ASCII literal characters");
        assert_eq!(e.offset, 1);
    }
}
