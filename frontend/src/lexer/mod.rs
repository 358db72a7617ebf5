//! The lexer: decoded source text -> tokens (see `crate::token`).
//!
//! It follows CPython 3.11's tokenizer (`Parser/tokenizer.c`) in what it accepts,
//! which tokens it produces and which errors it reports where, but works on the
//! bytes of an already decoded, newline-normalised `&str`.
//!
//! Position conventions (all ranges are byte offsets into the source):
//! * `Newline` covers the `\n` ending the logical line; the NEWLINE CPython adds
//!   when the file does not end with one is an empty range at the end of the text.
//! * `Indent` and `Dedent` are empty ranges at the first token of the line that
//!   changes the indentation (dedents at the end of the file sit at its end).
//! * `EndOfFile` is an empty range at the end of the text.
//!
//! Error positions are those of CPython's `SyntaxError.offset`: `range.start`
//! is the character CPython points at (see each error's construction).

pub mod encoding;
pub mod literal;
mod names;
mod numbers;
mod operators;
mod scanner;
mod strings;
mod unicode_tables;

pub use names::normalize_identifier;

use crate::ast::TextRange;
use crate::diagnostic::SyntaxError;
use crate::token::{Token, TokenKind};

/// The result of lexing: every token up to the first error, then that error.
pub struct Lexed {
    pub tokens: Vec<Token>,
    pub error: Option<LexError>,
    /// The brackets still open where lexing stopped, outermost first. When the
    /// text ends inside brackets (`error.code == LexErrorCode::Eof`), the parser
    /// reports the innermost as `'(' was never closed`, as CPython does.
    pub open_brackets: Vec<OpenBracket>,
}

/// An opening bracket that was not closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenBracket {
    /// `LPar`, `LSqb` or `LBrace`.
    pub kind: TokenKind,
    pub range: TextRange,
}

/// A tokenizer error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexError {
    pub error: SyntaxError,
    /// True for the errors CPython's tokenizer raises directly (it sets the
    /// exception itself: bad characters, unterminated strings, bad numbers,
    /// unmatched brackets...). Those replace a parser error found earlier in the
    /// file. False for the ones reported through an error code (bad dedent, tabs,
    /// too deep, EOF inside brackets), which do not.
    pub overrides_parser_errors: bool,
    /// Which of CPython's tokenizer outcomes this is.
    pub code: LexErrorCode,
}

/// CPython's tokenizer outcomes that end tokenizing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LexErrorCode {
    /// The tokenizer raised the `SyntaxError` itself (`syntaxerror()`).
    Raised,
    /// A character that starts no token (`$`, `?`, a lone `!`, a backtick).
    /// CPython hands it to the parser as an unknown operator, which then fails
    /// with `invalid syntax` at it; the error here carries that message.
    ErrorToken,
    /// E_TABSPACE: `TabError: inconsistent use of tabs and spaces in indentation`.
    TabSpace,
    /// E_DEDENT: `unindent does not match any outer indentation level`.
    Dedent,
    /// E_TOODEEP: `too many levels of indentation`.
    TooDeep,
    /// E_LINECONT: `unexpected character after line continuation character`.
    LineContinuation,
    /// E_EOF: the text ended inside brackets (see `Lexed::open_brackets`) or
    /// right after a line continuation (`unexpected EOF while parsing`).
    Eof,
}

impl LexError {
    /// An error CPython's tokenizer raises itself.
    pub(crate) fn raised(message: impl Into<String>, range: TextRange) -> LexError {
        LexError {
            error: SyntaxError::syntax(message, range),
            overrides_parser_errors: true,
            code: LexErrorCode::Raised,
        }
    }

    /// An error CPython reports through an error code.
    pub(crate) fn coded(code: LexErrorCode, error: SyntaxError) -> LexError {
        LexError {
            error,
            overrides_parser_errors: false,
            code,
        }
    }
}

/// Tokenizes a whole module.
pub fn tokenize(source: &str) -> Lexed {
    scanner::Scanner::new(source, TextRange::new(0, source.len() as u32), false).run()
}

/// Tokenizes `source[range]` as if it were inside parentheses: no `Newline`,
/// `Indent` or `Dedent`, newlines ignored, ending with `EndOfFile` at
/// `range.end`. Positions stay absolute offsets into `source`. The parser uses it
/// for the expressions of f-strings.
pub fn tokenize_expression(source: &str, range: TextRange) -> Lexed {
    let end = (range.end as usize).min(source.len()) as u32;
    let start = range.start.min(end);
    scanner::Scanner::new(source, TextRange::new(start, end), true).run()
}

#[cfg(test)]
mod tests;
