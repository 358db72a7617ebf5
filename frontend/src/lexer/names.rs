//! Names, keywords and string prefixes: everything that starts with a letter,
//! `_` or a non-ASCII character.

use super::scanner::range;
use super::strings;
use super::unicode_tables::{in_table, NON_PRINTABLE, XID_CONTINUE, XID_START};
use super::LexError;
use crate::token::TokenKind;
use std::borrow::Cow;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// Scans a name, a keyword, or a string with a prefix (`b'..'`, `rf".."`...),
/// starting at `*pos`, which must hold an ASCII letter, `_` or a non-ASCII byte.
pub(crate) fn scan_name_or_string(
    text: &str,
    pos: &mut usize,
    end: usize,
) -> Result<TokenKind, LexError> {
    let bytes = text.as_bytes();
    let start = *pos;
    if let Some(quote_at) = string_prefix_end(bytes, start, end) {
        *pos = quote_at;
        strings::scan_string_body(text, pos, end, start)?;
        return Ok(TokenKind::String);
    }
    let mut i = start;
    let mut non_ascii = false;
    while i < end {
        match bytes.get(i) {
            Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_') => i += 1,
            Some(0x80..) => {
                non_ascii = true;
                i += 1;
            }
            _ => break,
        }
    }
    *pos = i;
    let name = text.get(start..i).unwrap_or_default();
    if non_ascii {
        check_identifier(name, start)?;
        return Ok(TokenKind::Name);
    }
    Ok(TokenKind::keyword(name).unwrap_or(TokenKind::Name))
}

/// If the text at `start` is a valid string prefix directly followed by a quote,
/// the offset of that quote. Valid prefixes are any case and order of `r` with
/// one of `b`, `f`, or `u` alone (CPython's `saw_b`/`saw_r`/`saw_u`/`saw_f`).
fn string_prefix_end(bytes: &[u8], start: usize, end: usize) -> Option<usize> {
    let (mut b, mut r, mut u, mut f) = (false, false, false, false);
    let mut i = start;
    while i < end {
        match bytes.get(i)?.to_ascii_lowercase() {
            b'b' if !(b || u || f) => b = true,
            b'u' if !(b || u || r || f) => u = true,
            b'r' if !(r || u) => r = true,
            b'f' if !(f || b || u) => f = true,
            b'\'' | b'"' if i > start => return Some(i),
            _ => return None,
        }
        i += 1;
    }
    None
}

/// CPython's `verify_identifier`: every character of a name containing
/// non-ASCII text must be XID_Start (first) or XID_Continue (rest).
fn check_identifier(name: &str, start: usize) -> Result<(), LexError> {
    for (i, c) in name.char_indices() {
        let ok = if i == 0 {
            is_identifier_start(c)
        } else {
            is_identifier_continue(c)
        };
        if !ok {
            let at = start + i;
            return Err(invalid_character(c, at));
        }
    }
    Ok(())
}

/// The error for a character that cannot appear in a name, at byte offset `at`.
pub(crate) fn invalid_character(c: char, at: usize) -> LexError {
    let message = if is_printable(c) {
        format!("invalid character '{c}' (U+{:04X})", c as u32)
    } else {
        format!("invalid non-printable character U+{:04X}", c as u32)
    };
    LexError::raised(message, range(at, at))
}

pub(crate) fn is_identifier_start(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '_' => true,
        '\0'..='\x7f' => false,
        _ => in_table(XID_START, c as u32),
    }
}

pub(crate) fn is_identifier_continue(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' | '_' => true,
        '\0'..='\x7f' => false,
        _ => in_table(XID_CONTINUE, c as u32),
    }
}

/// Python's `str.isprintable` for one character.
pub(crate) fn is_printable(c: char) -> bool {
    match c {
        ' '..='~' => true,
        '\0'..='\x7f' => false,
        _ => !in_table(NON_PRINTABLE, c as u32),
    }
}

/// A name as Python stores it: NFKC-normalised (PEP 3131). ASCII names, and
/// names already in NFKC form, are returned as they are without allocating.
pub fn normalize_identifier(name: &str) -> Cow<'_, str> {
    if name.is_ascii() || is_nfkc_quick(name.chars()) == IsNormalized::Yes {
        Cow::Borrowed(name)
    } else {
        let normalized: String = name.nfkc().collect();
        if normalized == name {
            Cow::Borrowed(name)
        } else {
            Cow::Owned(normalized)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_cpython_accepts() {
        for ok in ["b'", "rb'", "Br\"", "f'", "rF'", "u'", "R'", "fR'"] {
            assert!(
                string_prefix_end(ok.as_bytes(), 0, ok.len()).is_some(),
                "{ok}"
            );
        }
        for bad in ["ub'", "bu'", "fb'", "bf'", "ur'", "rr'", "x'", "'"] {
            assert!(
                string_prefix_end(bad.as_bytes(), 0, bad.len()).is_none(),
                "{bad}"
            );
        }
    }

    #[test]
    fn normalisation() {
        assert_eq!(normalize_identifier("abc"), "abc");
        assert!(matches!(normalize_identifier("é"), Cow::Borrowed(_)));
        assert_eq!(normalize_identifier("ﬁ"), "fi");
        assert_eq!(normalize_identifier("𝔘𝔫𝔦𝔠𝔬𝔡𝔢"), "Unicode");
    }

    #[test]
    fn character_classes() {
        assert!(is_identifier_start('é'));
        assert!(!is_identifier_start('€'));
        assert!(is_identifier_continue('\u{0301}'));
        assert!(!is_printable('\u{a0}'));
        assert!(is_printable('€'));
    }
}
