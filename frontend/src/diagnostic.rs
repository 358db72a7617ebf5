//! Syntax errors as data, and their rendering with codespan-reporting.
//!
//! The three kinds mirror CPython's exception classes, and `message` is worded as
//! CPython words it, so a user sees the same text from krait and from `python3`.

use crate::ast::TextRange;
use crate::source::SourceFile;
use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor};

/// The Python exception class a syntax error corresponds to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
        }
    }
}

/// A syntax error located in a source file's decoded text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: ErrorKind,
    pub message: String,
    /// Where the error is; an empty range marks a point.
    pub range: TextRange,
}

impl SyntaxError {
    pub fn new(kind: ErrorKind, message: impl Into<String>, range: TextRange) -> Self {
        SyntaxError {
            kind,
            message: message.into(),
            range,
        }
    }

    pub fn syntax(message: impl Into<String>, range: TextRange) -> Self {
        Self::new(ErrorKind::SyntaxError, message, range)
    }

    pub fn indentation(message: impl Into<String>, range: TextRange) -> Self {
        Self::new(ErrorKind::IndentationError, message, range)
    }

    /// CPython's `(lineno, offset)` convention: 1-based line and 1-based column.
    pub fn line_col(&self, file: &SourceFile) -> (u32, u32) {
        let (line, col) = file.lines.line_col(self.range.start);
        (line, col + 1)
    }

    /// One line, `file:line:col: Kind: message`, for tools and tests.
    pub fn short(&self, file: &SourceFile) -> String {
        let (line, col) = self.line_col(file);
        format!(
            "{}:{}:{}: {}: {}",
            file.name,
            line,
            col,
            self.kind.name(),
            self.message
        )
    }

    /// The full codespan-reporting rendering: file, line, column, source line, label.
    pub fn render(&self, file: &SourceFile, color: bool) -> String {
        let files = SimpleFile::new(file.name.as_str(), file.text.as_str());
        let start = (self.range.start as usize).min(file.text.len());
        let end = (self.range.end as usize).clamp(start, file.text.len());
        let diagnostic = Diagnostic::error()
            .with_message(format!("{}: {}", self.kind.name(), self.message))
            .with_labels(vec![
                Label::primary((), start..end).with_message(&self.message)
            ]);
        let mut buffer = if color {
            termcolor::Buffer::ansi()
        } else {
            termcolor::Buffer::no_color()
        };
        let config = term::Config::default();
        // Writing to an in-memory buffer only fails on a bad range, which the clamp
        // above rules out; fall back to the short form rather than panic.
        if term::emit(&mut buffer, &config, &files, &diagnostic).is_err() {
            return self.short(file) + "\n";
        }
        String::from_utf8_lossy(buffer.as_slice()).into_owned()
    }
}
