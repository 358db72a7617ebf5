//! Adjacent string literals: implicit concatenation into one `Constant` (str or
//! bytes) or, when any piece is an f-string, one `JoinedStr`.

use super::expression::make;
use super::literal::{self, StringParts};
use super::{PResult, Parser};
use crate::ast::{Constant, Expr, ExprKind, TextRange};
use crate::pystr::PyStr;
use crate::token::{Token, TokenKind};

/// Collects the values of a `JoinedStr`: adjacent literal text is merged and
/// empty text dropped, as CPython's `FstringParser` does.
pub(crate) struct JoinedBuilder {
    /// Every node of an f-string gets the range of the whole concatenation.
    pub range: TextRange,
    pub values: Vec<Expr>,
    pending: PyStr,
    /// `Some("u")` when the first piece is written `u"..."`.
    pub kind: Option<Box<str>>,
}

impl JoinedBuilder {
    pub(crate) fn new(range: TextRange, kind: Option<Box<str>>) -> Self {
        JoinedBuilder {
            range,
            values: Vec::new(),
            pending: PyStr::new(),
            kind,
        }
    }

    pub(crate) fn push_literal(&mut self, text: &PyStr) {
        self.pending.push_pystr(text);
    }

    pub(crate) fn push_literal_str(&mut self, text: &str) {
        self.pending.push_str(text);
    }

    pub(crate) fn push_value(&mut self, value: Expr) {
        self.flush();
        self.values.push(value);
    }

    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.pending);
        self.values.push(make(
            self.range,
            ExprKind::Constant {
                value: Constant::Str(text),
                kind: self.kind.clone(),
            },
        ));
    }

    pub(crate) fn finish(self) -> Expr {
        let range = self.range;
        let kind = self.kind.clone();
        self.finish_as(range, kind)
    }

    /// Ends the `JoinedStr` with `range`; text still pending becomes a last
    /// `Constant` with that range and `kind` (CPython's `FstringParser_Finish`,
    /// which a format spec calls with its own token).
    pub(crate) fn finish_as(mut self, range: TextRange, kind: Option<Box<str>>) -> Expr {
        self.range = range;
        self.kind = kind;
        self.flush();
        make(
            range,
            ExprKind::JoinedStr {
                values: self.values,
            },
        )
    }
}

impl<'src> Parser<'src> {
    /// `strings`: one or more adjacent STRING tokens.
    pub(crate) fn strings(&mut self) -> PResult<Expr> {
        let first = self.expect(TokenKind::String)?;
        let mut tokens: Vec<(Token, StringParts)> =
            vec![(first, literal::split_string(self.text(first)))];
        while self.at(TokenKind::String) {
            let token = self.bump();
            tokens.push((token, literal::split_string(self.text(token))));
        }
        let last = tokens.last().map_or(first, |(t, _)| *t);
        let range = TextRange::new(first.range.start, last.range.end);
        let any_bytes = tokens.iter().any(|(_, parts)| parts.prefix.bytes);
        let all_bytes = tokens.iter().all(|(_, parts)| parts.prefix.bytes);
        if any_bytes && !all_bytes {
            return Err(self.error_at_furthest("cannot mix bytes and nonbytes literals"));
        }
        if all_bytes {
            let mut value = Vec::new();
            for (token, parts) in &tokens {
                let body = self.body(*token, parts);
                match literal::decode_bytes(body, parts.prefix.raw) {
                    Ok(bytes) => value.extend_from_slice(&bytes),
                    Err(message) => return Err(self.string_error(message)),
                }
            }
            return Ok(make(
                range,
                ExprKind::Constant {
                    value: Constant::Bytes(value),
                    kind: None,
                },
            ));
        }
        let kind: Option<Box<str>> = if self.text(first).starts_with('u') {
            Some("u".into())
        } else {
            None
        };
        let fstring = tokens.iter().any(|(_, parts)| parts.prefix.fstring);
        if !fstring {
            let mut value = PyStr::new();
            for (token, parts) in &tokens {
                let body = self.body(*token, parts);
                match literal::decode_str(body, parts.prefix.raw) {
                    Ok(text) => value.push_pystr(&text),
                    Err(message) => return Err(self.string_error(message)),
                }
            }
            return Ok(make(
                range,
                ExprKind::Constant {
                    value: Constant::Str(value),
                    kind,
                },
            ));
        }
        let mut builder = JoinedBuilder::new(range, kind);
        for (token, parts) in &tokens {
            let body_start = token.range.start + parts.body_start as u32;
            let body = self.body(*token, parts);
            if parts.prefix.fstring {
                let piece = super::fstring::Piece {
                    body,
                    base: body_start,
                    raw: parts.prefix.raw,
                    token: token.range,
                };
                self.fstring_body(piece, &mut builder)?;
            } else {
                match literal::decode_str(body, parts.prefix.raw) {
                    Ok(text) => builder.push_literal(&text),
                    Err(message) => return Err(self.string_error(message)),
                }
            }
        }
        Ok(builder.finish())
    }

    /// The body of a string token, between its quotes.
    pub(crate) fn body(&self, token: Token, parts: &StringParts) -> &'src str {
        self.text(token)
            .get(parts.body_start..parts.body_end)
            .unwrap_or("")
    }

    /// A literal that failed to decode: CPython's `(unicode error) ...`.
    pub(crate) fn string_error(&self, message: String) -> super::Fail {
        self.error_at_furthest(message)
    }
}
