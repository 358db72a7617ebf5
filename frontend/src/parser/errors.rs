//! CPython's specific syntax errors for expressions that went wrong.
//!
//! CPython finds these in a second parse with extra `invalid_*` rules. We detect
//! them at the point where our single parse would fail, re-reading a little input
//! speculatively when a rule needs to see what follows; a speculation that finds
//! nothing leaves the parser exactly as it was, so the generic error is unchanged.

use super::{Fail, PResult, Parser};
use crate::ast::{Expr, ExprKind, TextRange};
use crate::diagnostic::SyntaxError;
use crate::lexer::{LexError, LexErrorCode};
use crate::token::{Token, TokenKind};

/// Whether a lexer error is the `'(' was never closed` of a bracket open at EOF.
pub(crate) fn is_unclosed_bracket(error: &SyntaxError) -> bool {
    error.message.ends_with("' was never closed")
}

/// How many stray characters (`$`, `?`, `!`, backtick) we look past when
/// searching the rest of a file for a tokenizer error.
const MAX_STRAY_CHARACTERS: usize = 64;

/// For a lexer error that is only a stray character, the tokenizer error CPython
/// finds further on: its tokenizer hands such characters to the parser as
/// operators and keeps going when it scans the rest of the file, while our
/// lexer stops there. Re-lexing with the character replaced by an operator
/// (same length, same state) finds what lies beyond.
pub(crate) fn beyond_stray_characters(src: &str) -> impl Fn(LexError) -> LexError + '_ {
    move |original: LexError| {
        if original.code != LexErrorCode::ErrorToken {
            return original;
        }
        let mut patched = src.as_bytes().to_vec();
        let mut at = original.error.range.start as usize;
        for _ in 0..MAX_STRAY_CHARACTERS {
            match patched.get_mut(at) {
                Some(byte) if byte.is_ascii() => *byte = b'+',
                _ => break,
            }
            let Ok(text) = std::str::from_utf8(&patched) else {
                break;
            };
            match crate::lexer::tokenize(text).error {
                Some(next) if next.code == LexErrorCode::ErrorToken => {
                    let next_at = next.error.range.start as usize;
                    if next_at <= at {
                        break;
                    }
                    at = next_at;
                }
                Some(next) => return next,
                None => break,
            }
        }
        original
    }
}

/// The parser position a speculation may have to restore.
pub(crate) struct Snapshot {
    pos: usize,
    furthest: usize,
    bracket_level: u32,
    depth: u32,
}

impl Parser<'_> {
    pub(crate) fn snapshot(&self) -> Snapshot {
        Snapshot {
            pos: self.pos,
            furthest: self.furthest,
            bracket_level: self.bracket_level,
            depth: self.depth,
        }
    }

    /// Backtracks; the tokens looked at stay looked at, as in CPython's first pass.
    pub(crate) fn restore(&mut self, snapshot: Snapshot) {
        self.pos = snapshot.pos;
        self.bracket_level = snapshot.bracket_level;
        self.depth = snapshot.depth;
    }

    /// Backtracks from a speculation CPython makes only in its error pass: the
    /// tokens it looked at do not move generic errors, but they still count
    /// for errors placed at the last token fetched.
    pub(crate) fn restore_error_pass(&mut self, snapshot: Snapshot) {
        self.furthest_ever = self.furthest_ever.max(self.furthest);
        self.furthest = snapshot.furthest;
        self.restore(snapshot);
    }

    /// Runs `rule` with CPython's invalid rules switched off (`*_without_invalid`).
    pub(crate) fn without_invalid<T>(
        &mut self,
        rule: impl FnOnce(&mut Self) -> PResult<T>,
    ) -> PResult<T> {
        self.invalid_checks_off += 1;
        let result = rule(self);
        self.invalid_checks_off -= 1;
        result
    }

    /// An expression is directly followed by the start of another one:
    /// `print x`, or `(a b)` where a comma is probably missing.
    pub(crate) fn juxtaposed_expressions(
        &mut self,
        first_token: Token,
        second_kind: TokenKind,
        left: &Expr,
    ) -> PResult<()> {
        if self.invalid_checks_off > 0 {
            return Ok(());
        }
        let single_name = first_token.kind == TokenKind::Name
            && first_token.range == left.range
            && matches!(left.kind, ExprKind::Name { .. });
        if single_name && matches!(self.text(first_token), "print" | "exec") {
            let name = self.text(first_token);
            let snapshot = self.snapshot();
            if let Ok(rest) = self.without_invalid(|p| p.star_expressions()) {
                return Err(self.error_at(
                    TextRange::new(left.range.start, rest.range.end),
                    format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
                ));
            }
            self.restore_error_pass(snapshot);
            return Ok(());
        }
        let name_then_string =
            first_token.kind == TokenKind::Name && second_kind == TokenKind::String;
        let soft_keyword = first_token.kind == TokenKind::Name
            && matches!(self.text(first_token), "match" | "case" | "_");
        if self.bracket_level == 0 || name_then_string || soft_keyword {
            return Ok(());
        }
        let snapshot = self.snapshot();
        if let Ok(right) = self.without_invalid(|p| p.expression()) {
            return Err(self.error_at(
                TextRange::new(left.range.start, right.range.end),
                "invalid syntax. Perhaps you forgot a comma?",
            ));
        }
        self.restore_error_pass(snapshot);
        Ok(())
    }

    /// A named expression is followed by `=`: CPython's `invalid_named_expression`.
    /// `mark` is where the expression started; the cursor is on the `=`.
    pub(crate) fn misplaced_assignment(&mut self, mark: usize, left: &Expr) -> Fail {
        if self.invalid_checks_off > 0 {
            return Fail::Generic;
        }
        let snapshot = self.snapshot();
        let found = self.misplaced_assignment_error(mark, left);
        self.restore_error_pass(snapshot);
        found.unwrap_or(Fail::Generic)
    }

    fn misplaced_assignment_error(&mut self, mark: usize, left: &Expr) -> Option<Fail> {
        let first = self.tokens.get(mark).copied()?;
        let single_name = first.kind == TokenKind::Name && self.pos == mark + 1;
        let grouped = left.range.start != first.range.start;
        if !single_name && !grouped && !is_bitwise_or_level(left) {
            return None;
        }
        if !single_name && self.starts_with_display(mark, first) {
            return None;
        }
        self.bump();
        let right = self.without_invalid(|p| p.bitwise_or()).ok()?;
        if matches!(self.peek_kind(), TokenKind::Equal | TokenKind::ColonEqual) {
            return None;
        }
        Some(if single_name {
            self.error_at(
                TextRange::new(left.range.start, right.range.end),
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            )
        } else {
            self.error_at(
                left.range,
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    super::targets::expr_name(left)
                ),
            )
        })
    }

    /// CPython's `!(list|tuple|genexp|'True'|'None'|'False')` at token `mark`.
    pub(crate) fn starts_with_display(&mut self, mark: usize, first: Token) -> bool {
        match first.kind {
            TokenKind::True | TokenKind::None | TokenKind::False => true,
            TokenKind::LSqb | TokenKind::LPar => {
                let snapshot = self.snapshot();
                self.pos = mark;
                let atom = self.without_invalid(|p| p.atom());
                self.restore_error_pass(snapshot);
                match atom {
                    Ok(atom) => match atom.kind {
                        ExprKind::List { .. } => true,
                        ExprKind::Tuple { .. } | ExprKind::GeneratorExp { .. } => {
                            atom.range.start == first.range.start
                        }
                        _ => false,
                    },
                    Err(_) => false,
                }
            }
            _ => false,
        }
    }
}

/// Whether `expr` is something `bitwise_or` alone parses (no comparison,
/// boolean operator, `not`, conditional, lambda or walrus at the top).
pub(crate) fn is_bitwise_or_level(expr: &Expr) -> bool {
    !matches!(
        expr.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::UnaryOp {
                op: crate::ast::UnaryOp::Not,
                ..
            }
    )
}
