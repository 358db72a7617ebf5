//! The inside of an f-string token: literal text, `{{`/`}}`, replacement fields
//! with their `=`, `!conversion` and nested `:format_spec`, following CPython
//! 3.11's `fstring_find_literal` / `fstring_find_expr` scanning rules.
//!
//! Each field's expression is lexed from its real place in the source and
//! parsed as if written `(expr)`, as CPython does; so its nodes carry their
//! true positions, and `{a, b}` is a tuple spanning the braces.

use super::strings::JoinedBuilder;
use super::{Fail, PResult, Parser};
use crate::ast::{Conversion, Expr, ExprKind, TextRange};
use crate::diagnostic::SyntaxError;
use crate::token::{Token, TokenKind};

/// CPython's limit on brackets nested inside one replacement field.
const MAX_FIELD_BRACKETS: usize = 200;

/// One f-string token being scanned.
#[derive(Clone, Copy)]
pub(crate) struct Piece<'a> {
    /// The text between the quotes.
    pub body: &'a str,
    /// Where `body` starts in the source.
    pub base: u32,
    pub raw: bool,
    /// The whole token: a format spec gets its range.
    pub token: TextRange,
}

/// Where a literal run ends.
enum LiteralEnd {
    /// At the end of the body.
    End,
    /// At a doubled `{{` or `}}`: the literal includes one brace; keep scanning.
    Doubled,
    /// At a `{` opening a field, or a `}` closing a format spec.
    Brace,
}

impl Parser<'_> {
    /// Adds the pieces of one f-string token's `body` (starting at byte `base` of
    /// the source) to `builder`.
    pub(crate) fn fstring_body(
        &mut self,
        piece: Piece,
        builder: &mut JoinedBuilder,
    ) -> PResult<()> {
        let mut pos = 0;
        self.fstring_parts(piece, 0, &mut pos, builder)
    }

    /// Literal text and fields until the end of `body` (level 0) or the `}`
    /// closing a format spec (level 1, left unconsumed).
    fn fstring_parts(
        &mut self,
        piece: Piece,
        level: u32,
        pos: &mut usize,
        builder: &mut JoinedBuilder,
    ) -> PResult<()> {
        let Piece { body, raw, .. } = piece;
        let bytes = body.as_bytes();
        loop {
            let start = *pos;
            let (end, how) = self.scan_literal(bytes, raw, level, pos)?;
            let mut text = body.get(start..end).unwrap_or("");
            // `\{`: not an escape, so the backslash stays (CPython warns) and the
            // brace opens a field.
            let trailing = text.len() - text.trim_end_matches('\\').len();
            let lone_backslash = !raw && matches!(how, LiteralEnd::Brace) && trailing % 2 == 1;
            if lone_backslash {
                text = &text[..text.len() - 1];
            }
            if !text.is_empty() {
                match super::literal::decode_str(text, raw) {
                    Ok(decoded) => builder.push_literal(&decoded),
                    Err(message) => return Err(self.string_error(message)),
                }
            }
            if lone_backslash {
                builder.push_literal_str("\\");
            }
            match how {
                LiteralEnd::End => return Ok(()),
                LiteralEnd::Doubled => continue,
                LiteralEnd::Brace => {}
            }
            if bytes.get(*pos) == Some(&b'}') {
                // Only reachable inside a format spec: its end.
                return Ok(());
            }
            let value = self.fstring_field(piece, level, pos, builder)?;
            builder.push_value(value);
        }
    }

    /// Scans literal text from `*pos`; returns where it ends and why, leaving
    /// `*pos` where scanning resumes.
    fn scan_literal(
        &mut self,
        bytes: &[u8],
        raw: bool,
        level: u32,
        pos: &mut usize,
    ) -> PResult<(usize, LiteralEnd)> {
        let len = bytes.len();
        let mut s = *pos;
        while s < len {
            let mut ch = bytes[s];
            s += 1;
            if !raw && ch == b'\\' && s < len {
                ch = bytes[s];
                s += 1;
                if ch == b'N' {
                    // `\N{NAME}`: its braces are not a field.
                    if s < len {
                        let opens = bytes[s] == b'{';
                        s += 1;
                        if opens {
                            while s < len {
                                let c = bytes[s];
                                s += 1;
                                if c == b'}' {
                                    break;
                                }
                            }
                        }
                    }
                    continue;
                }
            }
            if ch == b'{' || ch == b'}' {
                if level == 0 {
                    if bytes.get(s) == Some(&ch) {
                        *pos = s + 1;
                        return Ok((s, LiteralEnd::Doubled));
                    }
                    if ch == b'}' {
                        return Err(self.error_at_furthest("f-string: single '}' is not allowed"));
                    }
                }
                *pos = s - 1;
                return Ok((s - 1, LiteralEnd::Brace));
            }
        }
        *pos = len;
        Ok((len, LiteralEnd::End))
    }

    /// One replacement field starting at the `{` at `*pos`.
    fn fstring_field(
        &mut self,
        piece: Piece,
        level: u32,
        pos: &mut usize,
        builder: &mut JoinedBuilder,
    ) -> PResult<Expr> {
        let Piece { body, base, .. } = piece;
        if level >= 2 {
            return Err(self.error_at_furthest("f-string: expressions nested too deeply"));
        }
        let bytes = body.as_bytes();
        let len = bytes.len();
        let open = *pos;
        let expr_start = open + 1;
        let expr_end = self.scan_field_expression(bytes, expr_start)?;
        if expr_end >= len {
            return Err(self.error_at_furthest("f-string: expecting '}'"));
        }
        let source = body.get(expr_start..expr_end).unwrap_or("");
        if source
            .bytes()
            .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\x0c'))
        {
            return Err(self.error_at_furthest("f-string: empty expression not allowed"));
        }
        let value = self.field_expression(
            base + open as u32,
            TextRange::new(base + expr_start as u32, base + expr_end as u32),
        )?;
        let mut s = expr_end;
        let mut debug_text = None;
        if bytes.get(s) == Some(&b'=') {
            s += 1;
            while s < len && bytes[s].is_ascii_whitespace() {
                s += 1;
            }
            if s >= len {
                return Err(self.error_at_furthest("f-string: expecting '}'"));
            }
            debug_text = body.get(expr_start..s);
        }
        let mut conversion = Conversion::None;
        if bytes.get(s) == Some(&b'!') {
            s += 1;
            let Some(&c) = bytes.get(s) else {
                return Err(self.error_at_furthest("f-string: expecting '}'"));
            };
            s += 1;
            conversion = match c {
                b's' => Conversion::Str,
                b'r' => Conversion::Repr,
                b'a' => Conversion::Ascii,
                _ => {
                    return Err(self.error_at_furthest(
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                    ))
                }
            };
        }
        let mut format_spec = None;
        if s < len && bytes[s] == b':' {
            s += 1;
            if s >= len {
                return Err(self.error_at_furthest("f-string: expecting '}'"));
            }
            // A format spec's pieces have the whole string's range, except that
            // it and its trailing text have the range of the token it is in.
            let mut spec = JoinedBuilder::new(builder.range, None);
            spec.set_kind_like(builder);
            *pos = s;
            self.fstring_parts(piece, level + 1, pos, &mut spec)?;
            s = *pos;
            let trailing_kind = self.text_starts_with_u(piece.token);
            format_spec = Some(Box::new(spec.finish_as(piece.token, trailing_kind)));
        }
        if s >= len || bytes[s] != b'}' {
            return Err(self.error_at_furthest("f-string: expecting '}'"));
        }
        *pos = s + 1;
        if let Some(text) = debug_text {
            builder.push_literal_str(text);
            if format_spec.is_none() && conversion == Conversion::None {
                conversion = Conversion::Repr;
            }
        }
        Ok(super::expression::make(
            builder.range,
            ExprKind::FormattedValue {
                value: Box::new(value),
                conversion,
                format_spec,
            },
        ))
    }

    /// Finds where a field's expression ends (at `!`, `:`, `=` or `}` outside
    /// brackets and strings), checking for backslashes and comments.
    fn scan_field_expression(&mut self, bytes: &[u8], start: usize) -> PResult<usize> {
        let len = bytes.len();
        let mut brackets: Vec<u8> = Vec::new();
        let mut quote: Option<(u8, bool)> = None;
        let mut s = start;
        while s < len {
            let ch = bytes[s];
            if ch == b'\\' {
                return Err(
                    self.error_at_furthest("f-string expression part cannot include a backslash")
                );
            }
            if let Some((q, triple)) = quote {
                if ch == q {
                    if triple {
                        if s + 2 < len && bytes[s + 1] == q && bytes[s + 2] == q {
                            s += 2;
                            quote = None;
                        }
                    } else {
                        quote = None;
                    }
                }
                s += 1;
                continue;
            }
            match ch {
                b'\'' | b'"' => {
                    if s + 2 < len && bytes[s + 1] == ch && bytes[s + 2] == ch {
                        quote = Some((ch, true));
                        s += 2;
                    } else {
                        quote = Some((ch, false));
                    }
                }
                b'[' | b'{' | b'(' => {
                    if brackets.len() >= MAX_FIELD_BRACKETS {
                        return Err(self.error_at_furthest("f-string: too many nested parenthesis"));
                    }
                    brackets.push(ch);
                }
                b'#' => {
                    return Err(
                        self.error_at_furthest("f-string expression part cannot include '#'")
                    )
                }
                b'!' | b':' | b'}' | b'=' | b'>' | b'<' if brackets.is_empty() => {
                    let next = bytes.get(s + 1).copied();
                    if next == Some(b'=') && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                        s += 2;
                        continue;
                    }
                    if ch == b'>' || ch == b'<' {
                        s += 1;
                        continue;
                    }
                    break;
                }
                b']' | b'}' | b')' => {
                    let Some(opening) = brackets.pop() else {
                        return Err(
                            self.error_at_furthest(format!("f-string: unmatched '{}'", ch as char))
                        );
                    };
                    let matches =
                        matches!((opening, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                    if !matches {
                        return Err(self.error_at_furthest(format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            ch as char, opening as char
                        )));
                    }
                }
                _ => {}
            }
            s += 1;
        }
        if quote.is_some() {
            return Err(self.error_at_furthest("f-string: unterminated string"));
        }
        if let Some(&opening) = brackets.last() {
            return Err(
                self.error_at_furthest(format!("f-string: unmatched '{}'", opening as char))
            );
        }
        Ok(s)
    }

    /// Parses a field's expression, lexed in place, as `(expr)` with the
    /// parentheses standing where the `{` and the end of the expression are.
    fn field_expression(&mut self, open: u32, range: TextRange) -> PResult<Expr> {
        let lexed = super::literal::expression_tokens(self.src, range);
        let mut tokens = Vec::with_capacity(lexed.tokens.len() + 2);
        tokens.push(Token {
            kind: TokenKind::LPar,
            range: TextRange::new(open, open + 1),
        });
        tokens.extend(lexed.tokens.iter().copied().filter(|t| {
            !matches!(
                t.kind,
                TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::EndOfFile
            )
        }));
        let lexer_failed = lexed.error.is_some();
        if !lexer_failed {
            tokens.push(Token {
                kind: TokenKind::RPar,
                range: TextRange::new(range.end, range.end + 1),
            });
        }
        let mut inner = Parser::new(self.src, tokens, lexed.error);
        inner.depth = self.depth;
        let result = inner.atom().and_then(|expr| {
            if inner.at(TokenKind::EndOfFile) {
                Ok(expr)
            } else {
                Err(Fail::Generic)
            }
        });
        match result {
            Ok(expr) => Ok(expr),
            Err(fail) => {
                let error = inner.finish_error(fail);
                Err(Fail::Error(SyntaxError {
                    kind: error.kind,
                    message: format!("f-string: {}", error.message),
                    range: error.range,
                }))
            }
        }
    }
}

impl Parser<'_> {
    /// `Some("u")` when the token at `range` is written `u"..."`.
    fn text_starts_with_u(&self, range: TextRange) -> Option<Box<str>> {
        let text = self.src.get(range.start as usize..range.end as usize)?;
        text.starts_with('u').then(|| "u".into())
    }
}

impl JoinedBuilder {
    /// Gives a format spec the `u` kind of the string it belongs to.
    fn set_kind_like(&mut self, outer: &JoinedBuilder) {
        self.kind.clone_from(&outer.kind);
    }
}
