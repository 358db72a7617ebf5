//! The parser's window on literal decoding: names, numbers and string bodies.
//!
//! The lexer helper owns the real decoders (`lexer::literal`); this file adapts
//! them to what the parser needs, so the rest of the parser never depends on
//! their exact signatures.

use crate::ast::{Constant, Identifier};
use crate::pystr::PyStr;
use crate::token::TokenKind;

/// What a string token's prefix says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Prefix {
    pub bytes: bool,
    pub raw: bool,
    pub unicode: bool,
    pub fstring: bool,
}

/// A string token taken apart: its prefix and where its body is, relative to the
/// token's start.
#[derive(Clone, Copy, Debug)]
pub(crate) struct StringParts {
    pub prefix: Prefix,
    pub body_start: usize,
    pub body_end: usize,
}

/// A name as the AST stores it: NFKC-normalised when not ASCII (PEP 3131).
pub(crate) fn identifier(text: &str) -> Identifier {
    if text.is_ascii() {
        return text.into();
    }
    use unicode_normalization::UnicodeNormalization;
    text.nfkc().collect::<String>().into_boxed_str()
}

/// The value of a number token.
pub(crate) fn number(text: &str, kind: TokenKind) -> Constant {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    match kind {
        TokenKind::Imaginary => {
            let digits = clean.trim_end_matches(['j', 'J']);
            Constant::Complex {
                imag: digits.parse().unwrap_or(f64::INFINITY),
            }
        }
        TokenKind::Float => Constant::Float(clean.parse().unwrap_or(f64::INFINITY)),
        _ => Constant::Int(parse_int(&clean)),
    }
}

fn parse_int(clean: &str) -> crate::ast::Int {
    use num_bigint::BigInt;
    use num_traits::ToPrimitive;
    let lower = clean.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d, 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d, 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d, 2)
    } else {
        (lower.as_str(), 10)
    };
    let big = BigInt::parse_bytes(digits.as_bytes(), radix).unwrap_or_default();
    match big.to_i64() {
        Some(small) => crate::ast::Int::Small(small),
        None => crate::ast::Int::Big(big),
    }
}

/// Splits a string token into prefix and body.
pub(crate) fn split_string(text: &str) -> StringParts {
    let mut prefix = Prefix::default();
    let mut index = 0;
    for c in text.chars() {
        match c {
            'b' | 'B' => prefix.bytes = true,
            'r' | 'R' => prefix.raw = true,
            'u' | 'U' => prefix.unicode = true,
            'f' | 'F' => prefix.fstring = true,
            _ => break,
        }
        index += 1;
    }
    let rest = text.get(index..).unwrap_or("");
    let quote_len = if rest.starts_with("\"\"\"") || rest.starts_with("'''") {
        3
    } else {
        1
    };
    let body_start = (index + quote_len).min(text.len());
    let body_end = text.len().saturating_sub(quote_len).max(body_start);
    StringParts {
        prefix,
        body_start,
        body_end,
    }
}

/// Decodes a `str` literal's body; the error is CPython's message.
pub(crate) fn decode_str(body: &str, raw: bool) -> Result<PyStr, String> {
    let mut out = PyStr::new();
    if raw || !body.contains('\\') {
        out.push_str(body);
        return Ok(out);
    }
    let mut chars = body.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if c != '\\' {
            out.push_char(c);
            continue;
        }
        let Some((_, e)) = chars.next() else {
            out.push_char('\\');
            break;
        };
        match e {
            '\n' => {}
            '\\' => out.push_char('\\'),
            '\'' => out.push_char('\''),
            '"' => out.push_char('"'),
            'a' => out.push_char('\x07'),
            'b' => out.push_char('\x08'),
            'f' => out.push_char('\x0c'),
            'n' => out.push_char('\n'),
            'r' => out.push_char('\r'),
            't' => out.push_char('\t'),
            'v' => out.push_char('\x0b'),
            '0'..='7' => {
                let mut value = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek().and_then(|&(_, d)| d.to_digit(8)) {
                        Some(d) => {
                            value = value * 8 + d;
                            chars.next();
                        }
                        None => break,
                    }
                }
                out.push_code_point(value.min(0x10FFFF));
            }
            'x' | 'u' | 'U' => {
                let count = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut value: u32 = 0;
                for _ in 0..count {
                    match chars.peek().and_then(|&(_, d)| d.to_digit(16)) {
                        Some(d) => {
                            value = value.saturating_mul(16).saturating_add(d);
                            chars.next();
                        }
                        None => return Err("truncated escape".into()),
                    }
                }
                if value > 0x10FFFF {
                    return Err("illegal Unicode character".into());
                }
                out.push_code_point(value);
            }
            other => {
                out.push_char('\\');
                out.push_char(other);
            }
        }
    }
    Ok(out)
}

/// Decodes a `bytes` literal's body.
pub(crate) fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, String> {
    if !body.is_ascii() {
        return Err("bytes can only contain ASCII literal characters".into());
    }
    if raw {
        return Ok(body.as_bytes().to_vec());
    }
    let decoded = decode_str(body, false)?;
    let mut out = Vec::new();
    for cp in decoded.code_points() {
        out.push(cp.min(255) as u8);
    }
    Ok(out)
}

/// Tokens of an f-string field's expression, lexed in place (absolute ranges,
/// as if inside parentheses).
pub(crate) fn expression_tokens(src: &str, range: crate::ast::TextRange) -> crate::lexer::Lexed {
    crate::lexer::tokenize_expression(src, range)
}
