//! Source decoding: BOM, PEP 263 coding cookie, UTF-8 by default.
//!
//! NOT YET IMPLEMENTED beyond plain UTF-8.

use crate::ast::TextRange;
use crate::diagnostic::SyntaxError;

/// Decodes a file's bytes as CPython's tokenizer does.
pub fn decode_source(bytes: &[u8]) -> (String, Option<SyntaxError>) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), None),
        Err(_) => (
            String::from_utf8_lossy(bytes).into_owned(),
            Some(SyntaxError::syntax("invalid utf-8", TextRange::default())),
        ),
    }
}
