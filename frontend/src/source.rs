//! Source files: the decoded text krait works on, and line/column lookup.
//!
//! The text is what CPython's tokenizer sees after decoding: the BOM removed, the
//! declared (or default UTF-8) encoding applied, and `\r\n` and lone `\r` turned
//! into `\n`. Every `TextRange` in the AST is a byte range into this text, so a
//! column is a UTF-8 byte offset within its line, exactly CPython's `col_offset`.

use crate::ast::TextRange;
use crate::diagnostic::SyntaxError;

/// One Python source file, decoded.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The name shown in diagnostics (usually the path as given).
    pub name: String,
    /// The decoded, newline-normalised text.
    pub text: String,
    pub lines: LineIndex,
}

impl SourceFile {
    /// Decodes raw bytes as CPython does (BOM, coding cookie, UTF-8 default).
    ///
    /// On a decoding error the file is still returned (decoded lossily, so the
    /// error can be shown in context) together with the error.
    pub fn decode(name: impl Into<String>, bytes: &[u8]) -> (SourceFile, Option<SyntaxError>) {
        let (text, error) = crate::lexer::encoding::decode_source(bytes);
        (SourceFile::from_text(name, text), error)
    }

    /// Wraps text that is already decoded; newlines are normalised here.
    pub fn from_text(name: impl Into<String>, text: String) -> SourceFile {
        let text = normalize_newlines(text);
        let lines = LineIndex::new(&text);
        SourceFile {
            name: name.into(),
            text,
            lines,
        }
    }
}

/// Replaces `\r\n` and lone `\r` by `\n`, as CPython's universal-newline reading does.
pub fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// Maps byte offsets to CPython's 1-based line numbers and 0-based byte columns.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset at which each line starts; `line_starts[0] == 0`.
    line_starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        assert!(
            text.len() < u32::MAX as usize,
            "source files must be under 4 GiB"
        );
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i as u32 + 1),
        );
        LineIndex { line_starts }
    }

    /// 1-based line number of a byte offset.
    pub fn line(&self, offset: u32) -> u32 {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// (1-based line, 0-based byte column) of a byte offset.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = self.line(offset);
        (line, offset - self.line_starts[line as usize - 1])
    }

    /// Byte offset where a 1-based line starts.
    pub fn line_start(&self, line: u32) -> u32 {
        self.line_starts[line as usize - 1]
    }

    pub fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
    }

    /// CPython's `(lineno, col_offset, end_lineno, end_col_offset)` of a range.
    pub fn position(&self, range: TextRange) -> (u32, u32, u32, u32) {
        let (l1, c1) = self.line_col(range.start);
        let (l2, c2) = self.line_col(range.end);
        (l1, c1, l2, c2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_utf8_bytes() {
        let idx = LineIndex::new("ab\né = 1\n");
        assert_eq!(idx.line_col(0), (1, 0));
        assert_eq!(idx.line_col(3), (2, 0));
        // 'é' is two bytes, so ' ' after it is column 2.
        assert_eq!(idx.line_col(5), (2, 2));
        assert_eq!(idx.line_col(10), (3, 0));
    }

    #[test]
    fn newlines_are_normalised() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n".into()), "a\nb\nc\n");
    }
}
