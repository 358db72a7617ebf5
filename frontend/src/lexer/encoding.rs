//! Source decoding as `ast.parse(bytes)` does it: UTF-8 BOM, PEP 263 coding
//! cookie on line 1 (or line 2 after a blank or comment-only line 1), UTF-8 by
//! default.
//!
//! Invalid UTF-8 in a file without a cookie is not fatal to CPython by itself: it
//! only fails when a token containing it is used (inside comments it is
//! ignored). So the text is decoded with one U+FFFD per bad byte, and the error
//! is worded and placed as CPython words and places it for the first token that
//! contains a bad byte (see `utf8_error`).

use super::scanner::range;
use crate::ast::TextRange;
use crate::diagnostic::SyntaxError;
use crate::token::TokenKind;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes a file's bytes as CPython's tokenizer does.
pub fn decode_source(bytes: &[u8]) -> (String, Option<SyntaxError>) {
    let (has_bom, body) = match bytes.strip_prefix(BOM) {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let cookie = match find_cookie(body) {
        Some(name) => normal_name(&name),
        None => return decode_utf8(body),
    };
    if has_bom && cookie != "utf-8" {
        return (
            lossy_utf8(body),
            Some(whole_file_error(format!(
                "encoding problem: {cookie} with BOM"
            ))),
        );
    }
    match cookie.as_str() {
        "utf-8" => decode_utf8(body),
        "iso-8859-1" => (body.iter().map(|&b| b as char).collect(), None),
        _ => decode_with_codec(body, &cookie),
    }
}

/// An error CPython reports without a position (`lineno` 0).
fn whole_file_error(message: String) -> SyntaxError {
    SyntaxError::syntax(message, TextRange::default())
}

/// The coding cookie's encoding name, if line 1 or 2 declares one. Line 2 is
/// only looked at when line 1 is blank or a comment. As in CPython's string
/// tokenizer, a line counts only if it ends with a newline (`\r` included).
fn find_cookie(bytes: &[u8]) -> Option<String> {
    let mut lines = bytes.split_inclusive(|&b| b == b'\n' || b == b'\r');
    let first = lines.next()?;
    if let Some(name) = cookie_in_line(first) {
        return Some(name);
    }
    if !is_blank_or_comment(first) {
        return None;
    }
    // `\r\n` splits into two pieces; skip the empty remainder of the first line.
    let mut second = lines.next()?;
    if second == b"\n" && first.ends_with(b"\r") {
        second = lines.next()?;
    }
    cookie_in_line(second)
}

fn is_blank_or_comment(line: &[u8]) -> bool {
    for &b in line {
        match b {
            b' ' | b'\t' | b'\x0c' => continue,
            b'#' | b'\n' | b'\r' => return true,
            _ => return false,
        }
    }
    true
}

/// `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` on one line.
fn cookie_in_line(line: &[u8]) -> Option<String> {
    if !matches!(line.last(), Some(b'\n' | b'\r')) {
        return None;
    }
    let hash = line
        .iter()
        .position(|&b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
    if line.get(hash) != Some(&b'#') {
        return None;
    }
    let mut i = hash;
    while i + 6 < line.len() {
        if line.get(i..i + 6) == Some(b"coding") && matches!(line.get(i + 6), Some(b':' | b'=')) {
            let mut j = i + 7;
            while matches!(line.get(j), Some(b' ' | b'\t')) {
                j += 1;
            }
            let begin = j;
            while line
                .get(j)
                .is_some_and(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            {
                j += 1;
            }
            if j > begin {
                return line
                    .get(begin..j)
                    .map(|name| String::from_utf8_lossy(name).into_owned());
            }
        }
        i += 1;
    }
    None
}

/// CPython's `get_normal_name`: the utf-8 and latin-1 families get their
/// canonical names (judging by the first 12 characters, `_` read as `-`);
/// other names stay as written.
fn normal_name(name: &str) -> String {
    let lowered: String = name
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if lowered == "utf-8" || lowered.starts_with("utf-8-") {
        "utf-8".to_owned()
    } else if ["latin-1", "iso-8859-1", "iso-latin-1"].contains(&lowered.as_str())
        || ["latin-1-", "iso-8859-1-", "iso-latin-1-"]
            .iter()
            .any(|p| lowered.starts_with(p))
    {
        "iso-8859-1".to_owned()
    } else {
        name.to_owned()
    }
}

/// Decodes with a codec other than UTF-8 and Latin-1, through `encoding_rs`.
fn decode_with_codec(body: &[u8], name: &str) -> (String, Option<SyntaxError>) {
    let lossy = || lossy_utf8(body);
    let lowered = name.to_ascii_lowercase().replace('_', "-");
    if matches!(lowered.as_str(), "ascii" | "us-ascii" | "646") {
        return match body.iter().position(|&b| b >= 0x80) {
            None => (lossy(), None),
            Some(at) => (
                lossy(),
                Some(whole_file_error(format!(
                    "'ascii' codec can't decode byte 0x{:02x} in position {at}: ordinal not in range(128)",
                    body.get(at).copied().unwrap_or(0)
                ))),
            ),
        };
    }
    let Some(encoding) = codec_for(&lowered) else {
        return (
            lossy(),
            Some(whole_file_error(format!("unknown encoding: {name}"))),
        );
    };
    match encoding.decode_without_bom_handling_and_without_replacement(body) {
        Some(text) => (text.into_owned(), None),
        None => {
            let (text, _) = encoding.decode_without_bom_handling(body);
            let error = format!(
                "'{}' codec can't decode the source",
                encoding.name().to_ascii_lowercase()
            );
            (text.into_owned(), Some(whole_file_error(error)))
        }
    }
}

/// Python codec names `encoding_rs` does not know under the same label.
fn codec_for(lowered: &str) -> Option<&'static encoding_rs::Encoding> {
    let alias = match lowered {
        "latin9" | "l9" | "latin-9" | "iso8859-15" => "iso-8859-15",
        "cp932" | "ms932" | "mskanji" | "ms-kanji" | "sjis" | "s-jis" => "shift_jis",
        "cp866" | "866" => "ibm866",
        "euc-jp" | "eucjp" | "ujis" | "u-jis" => "euc-jp",
        "cp936" | "ms936" | "936" => "gbk",
        "cp949" | "ms949" | "uhc" | "euckr" => "euc-kr",
        "cp950" | "ms950" | "big5-tw" | "csbig5" => "big5",
        "koi8r" => "koi8-r",
        "koi8u" => "koi8-u",
        other => {
            if let Some(n) = other
                .strip_prefix("cp")
                .or_else(|| other.strip_prefix("windows"))
            {
                let n = n.trim_start_matches('-');
                if n.len() == 4 && n.starts_with("125") {
                    return encoding_rs::Encoding::for_label(format!("windows-{n}").as_bytes());
                }
            }
            if let Some(n) = other
                .strip_prefix("iso8859-")
                .or_else(|| other.strip_prefix("iso-8859"))
            {
                let n = n.trim_start_matches('-');
                return encoding_rs::Encoding::for_label(format!("iso-8859-{n}").as_bytes());
            }
            other
        }
    };
    encoding_rs::Encoding::for_label(alias.as_bytes())
}

/// UTF-8 with one U+FFFD per undecodable byte.
fn lossy_utf8(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 8);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return out;
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                out.push('\u{FFFD}');
                rest = &rest[good + 1..];
            }
        }
    }
}

/// Decodes UTF-8 without a cookie; see the module comment for invalid UTF-8.
fn decode_utf8(body: &[u8]) -> (String, Option<SyntaxError>) {
    match std::str::from_utf8(body) {
        Ok(s) => (s.to_owned(), None),
        Err(_) => {
            let error = utf8_error(body);
            (lossy_utf8(body), error)
        }
    }
}

/// The error CPython reports for the first token containing invalid UTF-8:
/// * in a `str` literal, `(unicode error) 'utf-8' codec can't decode byte ...`
///   with the position within the literal's body, reported at the token after
///   the literal(s) (where the parser is when it decodes them);
/// * in a bytes literal, `bytes can only contain ASCII literal characters`;
/// * elsewhere (names), the same `(unicode error)` with the position within the
///   name, reported at the name's last character.
///
/// Positions are offsets in the lossily decoded text.
fn utf8_error(body: &[u8]) -> Option<SyntaxError> {
    // Lex a copy in which each bad byte is a name character and newlines are
    // normalised: the bad bytes land in the tokens CPython sees them in, and
    // offsets differ from the final text only by the 2 extra bytes of each
    // U+FFFD.
    let bad_original = bad_bytes(body);
    let mut copy = Vec::with_capacity(body.len());
    let mut bad: Vec<(usize, u8)> = Vec::with_capacity(bad_original.len());
    let mut next_bad = bad_original.iter().peekable();
    let mut i = 0;
    while let Some(&b) = body.get(i) {
        if next_bad.peek() == Some(&&i) {
            next_bad.next();
            bad.push((copy.len(), b));
            copy.push(b'Z');
        } else if b == b'\r' {
            copy.push(b'\n');
            if body.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
        } else {
            copy.push(b);
        }
        i += 1;
    }
    let copy = String::from_utf8(copy).ok()?;
    let to_lossy = |offset: usize| offset + 2 * bad.partition_point(|&(p, _)| p < offset);
    // The token's text with its bad bytes restored.
    let original = |start: usize, end: usize| -> Vec<u8> {
        let mut out = copy.as_bytes().get(start..end).unwrap_or_default().to_vec();
        for &(p, b) in &bad {
            if p >= start && p < end {
                if let Some(slot) = out.get_mut(p - start) {
                    *slot = b;
                }
            }
        }
        out
    };
    let tokens = super::tokenize(&copy).tokens;
    for (index, token) in tokens.iter().enumerate() {
        let (start, end) = (token.range.start as usize, token.range.end as usize);
        if !bad.iter().any(|&(p, _)| p >= start && p < end) {
            continue;
        }
        let text = original(start, end);
        if token.kind == TokenKind::String {
            let token_text = copy.get(start..end).unwrap_or_default();
            let (prefix, body_range, _) = super::literal::split_string_token(token_text);
            if prefix.bytes {
                return Some(SyntaxError::syntax(
                    "bytes can only contain ASCII literal characters",
                    range(to_lossy(start), to_lossy(end)),
                ));
            }
            let body_bytes = text
                .get(body_range.start as usize..body_range.end as usize)
                .unwrap_or_default();
            let message = describe_utf8_error(body_bytes);
            let after = tokens
                .iter()
                .skip(index)
                .find(|t| t.kind != TokenKind::String)
                .map_or(copy.len(), |t| t.range.start as usize);
            let at = to_lossy(after);
            return Some(SyntaxError::syntax(message, range(at, at)));
        }
        let message = describe_utf8_error(&text);
        let at = to_lossy(end.saturating_sub(1));
        return Some(SyntaxError::syntax(message, range(at, at)));
    }
    None
}

/// Offsets of the bytes that are not part of valid UTF-8.
fn bad_bytes(bytes: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut base = 0;
    let mut rest = bytes;
    while let Err(e) = std::str::from_utf8(rest) {
        let at = e.valid_up_to();
        out.push(base + at);
        base += at + 1;
        rest = rest.get(at + 1..).unwrap_or_default();
    }
    out
}

/// Python's `UnicodeDecodeError` text for the first bad sequence of `bytes`.
fn describe_utf8_error(bytes: &[u8]) -> String {
    let Err(e) = std::str::from_utf8(bytes) else {
        return "(unicode error) 'utf-8' codec can't decode the source".to_owned();
    };
    let at = e.valid_up_to();
    let first = bytes.get(at).copied().unwrap_or(0);
    let (len, reason) = match e.error_len() {
        None => (bytes.len() - at, "unexpected end of data"),
        Some(n) if n == 1 && !is_utf8_start_byte(first) => (1, "invalid start byte"),
        Some(n) => (n, "invalid continuation byte"),
    };
    let what = if len <= 1 {
        format!("byte 0x{first:02x} in position {at}")
    } else {
        format!("bytes in position {at}-{}", at + len - 1)
    };
    format!("(unicode error) 'utf-8' codec can't decode {what}: {reason}")
}

fn is_utf8_start_byte(b: u8) -> bool {
    matches!(b, 0xC2..=0xF4)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(bytes: &[u8]) -> Option<String> {
        decode_source(bytes).1.map(|e| e.message)
    }

    #[test]
    fn cookies() {
        assert_eq!(
            decode_source(b"# coding: latin-1\ns='\xe9'\n").0,
            "# coding: latin-1\ns='é'\n"
        );
        assert_eq!(
            decode_source(b"# x\n#coding=latin-1\ns='\xe9'\n").0,
            "# x\n#coding=latin-1\ns='é'\n"
        );
        assert_eq!(
            decode_source(b"# vim: set fileencoding=koi8-r :\ns='\xc1'\n").0,
            "# vim: set fileencoding=koi8-r :\ns='а'\n"
        );
        assert_eq!(
            decode_source(b"# coding: cp1252\ns='\x80'\n").0,
            "# coding: cp1252\ns='€'\n"
        );
        assert_eq!(
            decode_source(b"# coding: ISO_8859_1\ns='\x80'\n").0,
            "# coding: ISO_8859_1\ns='\u{80}'\n"
        );
        assert_eq!(decode_source(b"\xef\xbb\xbfx=1\n").0, "x=1\n");
        // A cookie after code on line 1 does not count.
        assert!(error(b"x=1\n# coding: latin-1\ns='\xe9'\n").is_some());
    }

    #[test]
    fn cookie_errors() {
        assert_eq!(
            error(b"# coding: uft-8\nx=1\n").as_deref(),
            Some("unknown encoding: uft-8")
        );
        assert_eq!(
            error(b"# coding: utf8-foo\nx=1\n").as_deref(),
            Some("unknown encoding: utf8-foo")
        );
        assert_eq!(
            error(b"\xef\xbb\xbf# coding: latin-1\nx=1\n").as_deref(),
            Some("encoding problem: iso-8859-1 with BOM")
        );
        assert_eq!(error(b"\xef\xbb\xbf# coding: utf-8\nx=1\n"), None);
    }

    #[test]
    fn invalid_utf8() {
        let (text, e) = decode_source(b"x = 1\ny = '\xf6'\n");
        let e = e.expect("error");
        assert_eq!(
            e.message,
            "(unicode error) 'utf-8' codec can't decode byte 0xf6 in position 0: invalid start byte"
        );
        // Reported at the NEWLINE after the string, in the lossy text.
        assert_eq!(e.range.start as usize, text.find("'\n").unwrap() + 1);
        assert_eq!(
            error(b"x = '\xe9'\n").as_deref(),
            Some("(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 0: unexpected end of data")
        );
        assert_eq!(
            error(b"x = 1 \xe2\x82\n").as_deref(),
            Some("(unicode error) 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data")
        );
        assert_eq!(
            error(b"x = 1 \xed\xa0\x80\n").as_deref(),
            Some("(unicode error) 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte")
        );
        assert_eq!(
            error(b"x = b'\xff'\n").as_deref(),
            Some("bytes can only contain ASCII literal characters")
        );
        assert_eq!(error(b"x = 1 # \xff\n"), None);
    }
}
