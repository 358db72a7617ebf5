//! Finding the end of a string literal. Its value is computed later, by
//! `literal`, when the parser builds the `Constant`.

use super::scanner::range;
use super::LexError;

/// Scans from the opening quote at `*pos` to just past the closing quote(s).
/// `token_start` is where the token (its prefix) starts, for errors.
///
/// As in CPython, a backslash skips the next character whatever it is, so
/// `'\''` is one string even in a raw string; f-strings are scanned the same way
/// (3.11 does not look into them here).
pub(crate) fn scan_string_body(
    text: &str,
    pos: &mut usize,
    end: usize,
    token_start: usize,
) -> Result<(), LexError> {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let quote = bytes.get(*pos).copied().unwrap_or(b'\'');
    let triple = bytes.get(*pos + 1) == Some(&quote) && bytes.get(*pos + 2) == Some(&quote);
    // `''` is an empty string, not the start of a triple quote.
    if !triple && bytes.get(*pos + 1) == Some(&quote) && *pos + 1 < end {
        *pos += 2;
        return Ok(());
    }
    let mut i = *pos + if triple { 3 } else { 1 };
    let mut closing = 0;
    let needed = if triple { 3 } else { 1 };
    while i < end {
        let c = bytes.get(i).copied().unwrap_or(b'\n');
        i += 1;
        if c == quote {
            closing += 1;
            if closing == needed {
                *pos = i;
                return Ok(());
            }
            continue;
        }
        closing = 0;
        match c {
            // A backslash skips the next character, whatever it is.
            b'\\' if i < end => i += 1,
            b'\n' if !triple => {
                return Err(unterminated(bytes, token_start, i - 1, false));
            }
            _ => {}
        }
    }
    // The end of the text: CPython sees its final newline (added if missing).
    let detected_at = if end > 0 && bytes.get(end - 1) == Some(&b'\n') {
        end - 1
    } else {
        end
    };
    Err(unterminated(bytes, token_start, detected_at, triple))
}

/// CPython reports an unterminated string at its start, naming the line where it
/// noticed: the line of the newline at `detected_at`.
fn unterminated(bytes: &[u8], start: usize, detected_at: usize, triple: bool) -> LexError {
    let line = 1 + bytes
        .get(..detected_at)
        .unwrap_or(bytes)
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    let what = if triple {
        "unterminated triple-quoted string literal"
    } else {
        "unterminated string literal"
    };
    LexError::raised(
        format!("{what} (detected at line {line})"),
        range(start, start),
    )
}
