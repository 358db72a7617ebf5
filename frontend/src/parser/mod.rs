//! The parser: tokens -> AST, as `ast.parse` builds it.
//!
//! A hand-written recursive-descent parser over the lexer's token vector, following
//! CPython 3.11's `Grammar/python.gram` rule by rule. This file holds the parser
//! state: the token cursor, the furthest-token bookkeeping CPython uses to place
//! generic `invalid syntax` errors, the nesting-depth guard, and the entry point
//! that decides between parser and tokenizer errors the way `pegen` does.
//!
//! The grammar itself lives in the sibling files, one job each.

mod arguments;
mod errors;
mod expression;
mod fstring;
mod literal;
mod pattern;
mod statement;
mod strings;
mod targets;

use crate::ast::{Module, TextRange};
use crate::diagnostic::SyntaxError;
use crate::lexer::{self, LexError};
use crate::source::SourceFile;
use crate::token::{Token, TokenKind};

/// How deep expressions may nest before we give up, in CPython's units (one per
/// grammar rule entered). CPython's C parser stops at 6000.
const MAX_DEPTH: u32 = 6000;

/// The stack the parser needs: deep enough for `MAX_DEPTH` in debug builds.
pub const PARSER_STACK_BYTES: usize = 256 * 1024 * 1024;

/// Why a parse step failed.
#[derive(Debug)]
pub(crate) enum Fail {
    /// No rule matched: CPython's generic `invalid syntax` at the furthest token.
    Generic,
    /// A specific error, already worded and located.
    Error(SyntaxError),
}

pub(crate) type PResult<T> = Result<T, Fail>;

/// Parses a whole module, as `ast.parse(source)` does.
pub fn parse_module(file: &SourceFile) -> Result<Module, SyntaxError> {
    // Deeply nested input recurses deeply: the depth limit, not the platform's
    // default stack, must be the binding one. A thread that already has a large
    // stack (the CLI's and the tests' workers) parses in place; any other thread
    // continues on a fresh stack segment of that size for this call.
    let run = || parse_module_here(&file.text);
    let has_room = stacker::remaining_stack().is_some_and(|r| r >= PARSER_STACK_BYTES / 2);
    let result = if has_room {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(run))
    } else {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            stacker::grow(PARSER_STACK_BYTES, run)
        }))
    };
    result.unwrap_or_else(|_| {
        Err(SyntaxError::syntax(
            "internal error: the parser crashed",
            TextRange::default(),
        ))
    })
}

/// Parses `text` as a module on the current thread.
pub(crate) fn parse_module_here(text: &str) -> Result<Module, SyntaxError> {
    let lexed = lexer::tokenize(text);
    let mut parser = Parser::new(text, lexed.tokens, lexed.error);
    let result = parser.file();
    result.map_err(|fail| parser.finish_error(fail))
}

/// The parser state for one token stream.
pub(crate) struct Parser<'src> {
    pub(crate) src: &'src str,
    tokens: Vec<Token>,
    pos: usize,
    /// The largest token index ever looked at (CPython's `p->fill - 1`).
    furthest: usize,
    /// The largest token index looked at by any speculation, error-pass ones
    /// included (CPython's `p->fill - 1` after both passes).
    furthest_ever: usize,
    lex_error: Option<LexError>,
    /// The current nesting depth, in rule units.
    depth: u32,
    /// Open brackets around the current position (for "Perhaps you forgot a comma?").
    pub(crate) bracket_level: u32,
    /// Above zero while parsing CPython's `*_without_invalid` rules, which never
    /// raise specific errors.
    pub(crate) invalid_checks_off: u32,
    /// The token index of an expression that must not report a missing comma
    /// (a dict key, where CPython reports the missing `:` instead).
    pub(crate) no_juxtaposition_at: Option<usize>,
    /// The sentinel returned past the last token.
    end_token: Token,
}

impl<'src> Parser<'src> {
    pub(crate) fn new(src: &'src str, tokens: Vec<Token>, lex_error: Option<LexError>) -> Self {
        let end = tokens
            .last()
            .map(|t| t.range.end)
            .unwrap_or(src.len() as u32);
        // Past the tokens of a stream that stopped on a lexer error we return a
        // token no rule accepts at statement level, so the parse fails there and
        // `finish_error` reports the lexer's error.
        // CPython's tokenizer emits no DEDENT before an inconsistent dedent
        // error; drop any the lexer queued, so the parser reaches the error.
        let mut tokens = tokens;
        if matches!(&lex_error, Some(e) if e.code == lexer::LexErrorCode::Dedent) {
            while tokens.last().is_some_and(|t| t.kind == TokenKind::Dedent) {
                tokens.pop();
            }
        }
        let sentinel_kind = if lex_error.is_some() {
            TokenKind::Indent
        } else {
            TokenKind::EndOfFile
        };
        Parser {
            src,
            tokens,
            pos: 0,
            furthest: 0,
            furthest_ever: 0,
            lex_error,
            depth: 0,
            bracket_level: 0,
            invalid_checks_off: 0,
            no_juxtaposition_at: None,
            end_token: Token {
                kind: sentinel_kind,
                range: TextRange::new(end, end),
            },
        }
    }

    // ----- the token cursor -----

    /// The token `n` places ahead of the cursor.
    pub(crate) fn peek_nth(&mut self, n: usize) -> Token {
        let index = self.pos + n;
        if index > self.furthest {
            self.furthest = index;
        }
        self.tokens.get(index).copied().unwrap_or(self.end_token)
    }

    /// The kind of the token at `index`, without counting it as looked at.
    pub(crate) fn token_kind_at(&self, index: usize) -> TokenKind {
        self.tokens
            .get(index)
            .map_or(self.end_token.kind, |t| t.kind)
    }

    pub(crate) fn peek(&mut self) -> Token {
        self.peek_nth(0)
    }

    pub(crate) fn peek_kind(&mut self) -> TokenKind {
        self.peek().kind
    }

    pub(crate) fn at(&mut self, kind: TokenKind) -> bool {
        self.peek_kind() == kind
    }

    /// Consumes and returns the current token.
    pub(crate) fn bump(&mut self) -> Token {
        let token = self.peek();
        if self.pos < self.tokens.len() {
            self.pos += 1;
        }
        token
    }

    /// Consumes the current token if it is `kind`.
    pub(crate) fn eat(&mut self, kind: TokenKind) -> Option<Token> {
        if self.at(kind) {
            Some(self.bump())
        } else {
            None
        }
    }

    /// Consumes a token of `kind` or fails generically.
    pub(crate) fn expect(&mut self, kind: TokenKind) -> PResult<Token> {
        self.eat(kind).ok_or(Fail::Generic)
    }

    pub(crate) fn mark(&self) -> usize {
        self.pos
    }

    /// The text of a token.
    pub(crate) fn text(&self, token: Token) -> &'src str {
        self.src
            .get(token.range.start as usize..token.range.end as usize)
            .unwrap_or("")
    }

    /// Whether the current token is the name `word` (a soft keyword).
    pub(crate) fn at_soft_keyword(&mut self, word: &str) -> bool {
        let token = self.peek();
        token.kind == TokenKind::Name && self.text(token) == word
    }

    /// The start of the current token: where a rule entered now begins.
    pub(crate) fn start(&mut self) -> u32 {
        self.peek().range.start
    }

    /// The end of the last consumed token that is not layout (NEWLINE, INDENT,
    /// DEDENT, ENDMARKER), as CPython's `_PyPegen_get_last_nonnwhitespace_token`.
    pub(crate) fn last_end(&self) -> u32 {
        let mut index = self.pos;
        while index > 0 {
            index -= 1;
            if let Some(token) = self.tokens.get(index) {
                if !matches!(
                    token.kind,
                    TokenKind::Newline
                        | TokenKind::Indent
                        | TokenKind::Dedent
                        | TokenKind::EndOfFile
                ) {
                    return token.range.end;
                }
            }
        }
        0
    }

    /// The range of a rule that started at `start` and has consumed up to now.
    pub(crate) fn range_from(&self, start: u32) -> TextRange {
        let end = self.last_end().max(start);
        TextRange::new(start, end)
    }

    /// The end of the previous token (layout included).
    pub(crate) fn prev_token(&self) -> Option<Token> {
        self.pos
            .checked_sub(1)
            .and_then(|i| self.tokens.get(i))
            .copied()
    }

    // ----- nesting guard -----

    /// Enters `units` levels of nesting; fails once past CPython's limit.
    pub(crate) fn enter(&mut self, units: u32) -> PResult<()> {
        self.depth += units;
        if self.depth > MAX_DEPTH {
            let at = self.peek().range;
            return Err(Fail::Error(SyntaxError::syntax(
                "too many nested expressions: maximum recursion depth exceeded",
                at,
            )));
        }
        Ok(())
    }

    pub(crate) fn leave(&mut self, units: u32) {
        self.depth = self.depth.saturating_sub(units);
    }

    // ----- errors -----

    /// The token furthest ahead that was ever looked at.
    ///
    /// CPython's end-of-file tokens sit on the file's last newline, not after
    /// it, so errors located there name the last line.
    pub(crate) fn furthest_token(&self) -> Token {
        self.token_for_error(self.furthest)
    }

    /// The last token fetched by either of CPython's passes.
    pub(crate) fn furthest_token_ever(&self) -> Token {
        self.token_for_error(self.furthest.max(self.furthest_ever))
    }

    fn token_for_error(&self, index: usize) -> Token {
        let mut token = self.tokens.get(index).copied().unwrap_or(self.end_token);
        let at_end = token.range.start as usize == self.src.len();
        if at_end
            && matches!(token.kind, TokenKind::EndOfFile | TokenKind::Dedent)
            && self.src.ends_with('\n')
        {
            let last_newline = token.range.start - 1;
            token.range = TextRange::new(last_newline, last_newline);
        }
        token
    }

    /// A specific error located at the furthest token (CPython's `RAISE_SYNTAX_ERROR`).
    pub(crate) fn error_at_furthest(&self, message: impl Into<String>) -> Fail {
        Fail::Error(SyntaxError::syntax(
            message,
            self.furthest_token_ever().range,
        ))
    }

    /// An IndentationError at the furthest token.
    pub(crate) fn indentation_error_at_furthest(&self, message: impl Into<String>) -> Fail {
        Fail::Error(SyntaxError::indentation(
            message,
            self.furthest_token().range,
        ))
    }

    pub(crate) fn error_at(&self, range: TextRange, message: impl Into<String>) -> Fail {
        Fail::Error(SyntaxError::syntax(message, range))
    }

    /// Turns a failure into the error CPython would report, weighing the lexer's
    /// error against the parser's.
    fn finish_error(&mut self, fail: Fail) -> SyntaxError {
        let reached_lex_error = self.furthest >= self.tokens.len();
        if self.lex_error.is_some() && reached_lex_error {
            if let Some(lex) = self.lex_error.take() {
                // A stray character is a parser error in CPython, which a
                // tokenizer error further on still replaces.
                let beyond = errors::beyond_stray_characters(self.src)(lex.clone());
                if beyond.overrides_parser_errors && beyond.code != lex.code {
                    return beyond.error;
                }
                return lex.error;
            }
        }
        // An unexpected INDENT/DEDENT is reported before CPython tokenizes the
        // rest of the file, so no later tokenizer error replaces it.
        if matches!(fail, Fail::Generic)
            && matches!(
                self.furthest_token().kind,
                TokenKind::Indent | TokenKind::Dedent
            )
        {
            return self.generic_error();
        }
        let lex_error = self
            .lex_error
            .take()
            .map(errors::beyond_stray_characters(self.src));
        if let Some(lex) = lex_error {
            if lex.overrides_parser_errors {
                return lex.error;
            }
            if errors::is_unclosed_bracket(&lex.error) {
                let bracket_line = line_of(self.src, lex.error.range.start);
                let error_line = line_of(self.src, self.furthest_token_ever().range.start);
                if error_line > bracket_line {
                    return lex.error;
                }
            }
        }
        match fail {
            Fail::Error(error) => error,
            Fail::Generic => self.generic_error(),
        }
    }

    /// CPython's fallback: `invalid syntax` at the furthest token, or the
    /// indentation errors an unexpected INDENT/DEDENT means.
    fn generic_error(&self) -> SyntaxError {
        let token = self.furthest_token();
        match token.kind {
            TokenKind::Indent => {
                // CPython's offset is the indentation's width, one left of the
                // first character.
                let at = token.range.start.saturating_sub(1);
                let line_start = self
                    .src
                    .get(..at as usize)
                    .and_then(|before| before.rfind('\n'))
                    .map_or(0, |i| i as u32 + 1);
                let at = at.max(line_start);
                SyntaxError::indentation("unexpected indent", TextRange::new(at, at))
            }
            TokenKind::Dedent => SyntaxError::indentation("unexpected unindent", token.range),
            TokenKind::EndOfFile if self.tokens.is_empty() => {
                SyntaxError::syntax("unexpected EOF while parsing", token.range)
            }
            _ => SyntaxError::syntax("invalid syntax", token.range),
        }
    }
}

/// The 1-based line of a byte offset (cheap enough for error paths).
pub(crate) fn line_of(src: &str, offset: u32) -> u32 {
    let end = (offset as usize).min(src.len());
    src.as_bytes()
        .get(..end)
        .map(|b| b.iter().filter(|&&c| c == b'\n').count() as u32 + 1)
        .unwrap_or(1)
}

#[cfg(test)]
mod tests;
