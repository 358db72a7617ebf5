//! The tokenizer's main loop: layout (logical lines, indentation, continuation
//! lines, brackets) and dispatch to the scanners for names, numbers, strings and
//! operators.

use super::{names, numbers, operators, strings};
use super::{LexError, LexErrorCode, Lexed, OpenBracket};
use crate::ast::TextRange;
use crate::diagnostic::{ErrorKind, SyntaxError};
use crate::token::{Token, TokenKind};

/// CPython's MAXINDENT: the indentation stack holds at most this many levels.
const MAX_INDENT: usize = 100;
/// CPython's MAXLEVEL: brackets nest at most this deep.
const MAX_BRACKET_LEVEL: usize = 200;
const TAB_SIZE: u32 = 8;

/// One level of the indentation stack: the column with tabs to multiples of 8,
/// and with tabs counting 1 (CPython's "alternate" column, which catches
/// indentation that is only consistent for one tab size).
#[derive(Clone, Copy)]
struct Indent {
    col: u32,
    alt_col: u32,
}

pub(crate) struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    end: usize,
    tokens: Vec<Token>,
    indents: Vec<Indent>,
    brackets: Vec<OpenBracket>,
    at_line_start: bool,
    /// The current physical line holds only whitespace and a comment, so its
    /// newline ends no logical line.
    blank_line: bool,
    /// Tokenizing an f-string expression: as if inside parentheses.
    expression: bool,
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(text: &'a str, range: TextRange, expression: bool) -> Scanner<'a> {
        Scanner {
            text,
            bytes: text.as_bytes(),
            pos: range.start as usize,
            end: range.end as usize,
            tokens: Vec::with_capacity((range.len() / 4) as usize + 4),
            indents: vec![Indent { col: 0, alt_col: 0 }],
            brackets: Vec::new(),
            at_line_start: !expression,
            blank_line: false,
            expression,
        }
    }

    pub(crate) fn run(mut self) -> Lexed {
        let error = self.scan_all().err();
        Lexed {
            tokens: self.tokens,
            error,
            open_brackets: self.brackets,
        }
    }

    fn peek(&self) -> Option<u8> {
        if self.pos < self.end {
            self.bytes.get(self.pos).copied()
        } else {
            None
        }
    }

    fn push(&mut self, kind: TokenKind, start: usize, end: usize) {
        self.tokens.push(Token {
            kind,
            range: range(start, end),
        });
    }

    fn inside_brackets(&self) -> bool {
        self.expression || !self.brackets.is_empty()
    }

    fn scan_all(&mut self) -> Result<(), LexError> {
        loop {
            if self.at_line_start {
                self.at_line_start = false;
                self.line_start()?;
            }
            while let Some(b' ' | b'\t' | b'\x0c') = self.peek() {
                self.pos += 1;
            }
            let start = self.pos;
            let Some(c) = self.peek() else {
                return self.end_of_input();
            };
            match c {
                b'#' => self.skip_comment(),
                b'\n' => {
                    self.pos += 1;
                    self.end_physical_line(start, start + 1);
                }
                b'\\' => self.continuation_line()?,
                b'a'..=b'z' | b'A'..=b'Z' | b'_' | 0x80.. => {
                    let kind = names::scan_name_or_string(self.text, &mut self.pos, self.end)?;
                    self.push(kind, start, self.pos);
                }
                b'0'..=b'9' => {
                    let kind = numbers::scan_number(self.bytes, &mut self.pos, self.end)?;
                    self.push(kind, start, self.pos);
                }
                b'.' if matches!(self.bytes.get(start + 1), Some(b'0'..=b'9'))
                    && start + 1 < self.end =>
                {
                    let kind = numbers::scan_number(self.bytes, &mut self.pos, self.end)?;
                    self.push(kind, start, self.pos);
                }
                b'\'' | b'"' => {
                    strings::scan_string_body(self.text, &mut self.pos, self.end, start)?;
                    self.push(TokenKind::String, start, self.pos);
                }
                b'(' | b'[' | b'{' => self.open_bracket(c, start)?,
                b')' | b']' | b'}' => self.close_bracket(c, start)?,
                _ => {
                    let kind = operators::scan_operator(self.bytes, &mut self.pos, self.end)
                        .ok_or_else(|| self.bad_character(start))?;
                    self.push(kind, start, self.pos);
                }
            }
        }
    }

    fn skip_comment(&mut self) {
        let rest = self.bytes.get(self.pos..self.end).unwrap_or_default();
        self.pos += rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
    }

    /// A `\n` (or the implicit one at the end of the text) ends a physical line;
    /// it ends a logical line unless the line is blank or inside brackets.
    fn end_physical_line(&mut self, start: usize, end: usize) {
        if !self.blank_line && !self.inside_brackets() {
            self.push(TokenKind::Newline, start, end);
        }
        self.at_line_start = !self.expression;
    }

    fn end_of_input(&mut self) -> Result<(), LexError> {
        let end = self.end;
        if self.expression {
            if !self.brackets.is_empty() {
                return Err(self.eof_in_brackets());
            }
            self.push(TokenKind::EndOfFile, end, end);
            return Ok(());
        }
        if !self.brackets.is_empty() {
            return Err(self.eof_in_brackets());
        }
        // CPython appends a newline to a text that does not end with one.
        let last_line_open = !self.at_line_start && self.tokens_since_line_start();
        if last_line_open {
            self.end_physical_line(end, end);
        }
        for _ in 1..self.indents.len() {
            self.push(TokenKind::Dedent, end, end);
        }
        self.indents.truncate(1);
        self.push(TokenKind::EndOfFile, end, end);
        Ok(())
    }

    /// Whether the text since the last newline is more than blank: the final
    /// line without a newline still needs its NEWLINE.
    fn tokens_since_line_start(&self) -> bool {
        !self.blank_line
            && !matches!(
                self.tokens.last().map(|t| t.kind),
                None | Some(TokenKind::Newline)
            )
    }

    fn eof_in_brackets(&self) -> LexError {
        let at = self.end;
        let message = match self.brackets.last() {
            Some(open) => format!("'{}' was never closed", bracket_char(open.kind)),
            None => "unexpected EOF while parsing".to_owned(),
        };
        let range = self.brackets.last().map_or(range(at, at), |b| b.range);
        LexError::coded(LexErrorCode::Eof, SyntaxError::syntax(message, range))
    }

    /// Indentation at the start of a physical line (CPython's `atbol` block).
    fn line_start(&mut self) -> Result<(), LexError> {
        let line_start = self.pos;
        let mut col = 0u32;
        let mut alt_col = 0u32;
        // A backslash continuation inside the indentation joins the next line's
        // indentation; the column before the first backslash is the line's
        // (0 counts as "none yet", as in CPython).
        let mut continued_col = 0u32;
        while let Some(c) = self.peek() {
            match c {
                b'\\' => {
                    if continued_col == 0 {
                        continued_col = col;
                    }
                    self.continuation_line()?;
                    continue;
                }
                b' ' => {
                    col += 1;
                    alt_col += 1;
                }
                b'\t' => {
                    col = (col / TAB_SIZE + 1) * TAB_SIZE;
                    alt_col += 1;
                }
                b'\x0c' => {
                    col = 0;
                    alt_col = 0;
                }
                _ => break,
            }
            self.pos += 1;
        }
        let at_end = self.peek().is_none();
        self.blank_line = matches!(self.peek(), Some(b'#' | b'\n'));
        if at_end || self.blank_line || self.inside_brackets() {
            // The end of the text is handled by `end_of_input`, which dedents.
            return Ok(());
        }
        if continued_col != 0 {
            col = continued_col;
            alt_col = continued_col;
        }
        let here = self.pos;
        let Some(&current) = self.indents.last() else {
            return Ok(());
        };
        if col == current.col {
            if alt_col != current.alt_col {
                return Err(self.tab_error(line_start));
            }
        } else if col > current.col {
            if self.indents.len() >= MAX_INDENT {
                let error = SyntaxError::indentation(
                    "too many levels of indentation",
                    range(line_start, line_start),
                );
                return Err(LexError::coded(LexErrorCode::TooDeep, error));
            }
            if alt_col <= current.alt_col {
                return Err(self.tab_error(line_start));
            }
            self.indents.push(Indent { col, alt_col });
            self.push(TokenKind::Indent, here, here);
        } else {
            while self.indents.len() > 1 && self.indents.last().is_some_and(|i| col < i.col) {
                self.indents.pop();
                self.push(TokenKind::Dedent, here, here);
            }
            let current = self
                .indents
                .last()
                .copied()
                .unwrap_or(Indent { col: 0, alt_col: 0 });
            if col != current.col {
                // CPython points at the end of the offending line.
                let eol = self.end_of_line(here);
                let error = SyntaxError::indentation(
                    "unindent does not match any outer indentation level",
                    range(eol, eol),
                );
                return Err(LexError::coded(LexErrorCode::Dedent, error));
            }
            if alt_col != current.alt_col {
                return Err(self.tab_error(line_start));
            }
        }
        Ok(())
    }

    fn tab_error(&self, line_start: usize) -> LexError {
        let error = SyntaxError::new(
            ErrorKind::TabError,
            "inconsistent use of tabs and spaces in indentation",
            range(line_start, line_start),
        );
        LexError::coded(LexErrorCode::TabSpace, error)
    }

    /// The offset of the `\n` ending the line containing `from` (or the end).
    fn end_of_line(&self, from: usize) -> usize {
        let rest = self.bytes.get(from..self.end).unwrap_or_default();
        from + rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len())
    }

    /// A backslash outside a string: it must end the physical line, which then
    /// continues the logical line.
    fn continuation_line(&mut self) -> Result<(), LexError> {
        let backslash = self.pos;
        self.pos += 1;
        match self.peek() {
            Some(b'\n') => self.pos += 1,
            // The newline CPython appends to the text.
            None => {}
            Some(_) => {
                let error = SyntaxError::syntax(
                    "unexpected character after line continuation character",
                    range(self.pos, self.pos),
                );
                return Err(LexError::coded(LexErrorCode::LineContinuation, error));
            }
        }
        if self.peek().is_none() {
            if !self.brackets.is_empty() && !self.expression {
                return Err(self.eof_in_brackets());
            }
            let newline = (backslash + 1).min(self.end);
            let error =
                SyntaxError::syntax("unexpected EOF while parsing", range(newline, newline));
            return Err(LexError::coded(LexErrorCode::Eof, error));
        }
        Ok(())
    }

    fn open_bracket(&mut self, c: u8, start: usize) -> Result<(), LexError> {
        let depth = self.brackets.len() + usize::from(self.expression);
        if depth >= MAX_BRACKET_LEVEL {
            return Err(LexError::raised(
                "too many nested parentheses",
                range(start, start + 1),
            ));
        }
        let kind = match c {
            b'(' => TokenKind::LPar,
            b'[' => TokenKind::LSqb,
            _ => TokenKind::LBrace,
        };
        self.pos += 1;
        self.brackets.push(OpenBracket {
            kind,
            range: range(start, start + 1),
        });
        self.push(kind, start, start + 1);
        Ok(())
    }

    fn close_bracket(&mut self, c: u8, start: usize) -> Result<(), LexError> {
        let (kind, opening) = match c {
            b')' => (TokenKind::RPar, TokenKind::LPar),
            b']' => (TokenKind::RSqb, TokenKind::LSqb),
            _ => (TokenKind::RBrace, TokenKind::LBrace),
        };
        let here = range(start, start + 1);
        let Some(open) = self.brackets.pop() else {
            return Err(LexError::raised(format!("unmatched '{}'", c as char), here));
        };
        if open.kind != opening {
            let open_line = self.line_number(open.range.start as usize);
            let message = if open_line != self.line_number(start) {
                format!(
                    "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                    c as char,
                    bracket_char(open.kind),
                    open_line
                )
            } else {
                format!(
                    "closing parenthesis '{}' does not match opening parenthesis '{}'",
                    c as char,
                    bracket_char(open.kind)
                )
            };
            self.brackets.push(open);
            return Err(LexError::raised(message, here));
        }
        self.pos += 1;
        self.push(kind, start, start + 1);
        Ok(())
    }

    /// 1-based line number of an offset; only used on error paths.
    fn line_number(&self, offset: usize) -> usize {
        let before = self.bytes.get(..offset).unwrap_or(self.bytes);
        1 + before.iter().filter(|&&b| b == b'\n').count()
    }

    /// A character that starts no token.
    fn bad_character(&self, start: usize) -> LexError {
        let c = self
            .text
            .get(start..)
            .and_then(|s| s.chars().next())
            .unwrap_or('\0');
        if c == '\0' {
            return LexError::raised(
                "source code string cannot contain null bytes",
                range(start, start),
            );
        }
        if !names::is_printable(c) {
            return LexError::raised(
                format!("invalid non-printable character U+{:04X}", c as u32),
                range(start, start),
            );
        }
        let error = SyntaxError::syntax("invalid syntax", range(start, start + c.len_utf8()));
        LexError::coded(LexErrorCode::ErrorToken, error)
    }
}

fn bracket_char(kind: TokenKind) -> char {
    match kind {
        TokenKind::LPar => '(',
        TokenKind::LSqb => '[',
        _ => '{',
    }
}

pub(crate) fn range(start: usize, end: usize) -> TextRange {
    TextRange::new(start as u32, end as u32)
}
