//! `case` blocks and the patterns of structural pattern matching (PEP 634).

use super::expression::make;
use super::{Fail, PResult, Parser};
use crate::ast::{
    Constant, Expr, ExprContext, ExprKind, Identifier, MatchCase, Operator, Pattern, PatternKind,
    TextRange, UnaryOp,
};
use crate::token::TokenKind;

fn pattern(range: TextRange, kind: PatternKind) -> Pattern {
    Pattern { range, kind }
}

impl Parser<'_> {
    /// `case patterns [if guard]: block`.
    pub(crate) fn case_block(&mut self) -> PResult<MatchCase> {
        let keyword = self.bump();
        let pattern = self.patterns()?;
        let guard = if self.eat(TokenKind::If).is_some() {
            Some(self.named_expression()?)
        } else {
            None
        };
        if self.eat(TokenKind::Colon).is_none() {
            if self.at(TokenKind::Newline) {
                return Err(self.error_at_furthest("expected ':'"));
            }
            return Err(Fail::Generic);
        }
        let body = self.block("'case' statement", keyword.range.start)?;
        Ok(MatchCase {
            pattern,
            guard,
            body,
        })
    }

    /// `patterns`: an open sequence (`case a, b:`) or a single pattern.
    fn patterns(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.maybe_star_pattern()?;
        if !self.at(TokenKind::Comma) {
            if matches!(first.kind, PatternKind::MatchStar { .. }) {
                return Err(Fail::Generic);
            }
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat(TokenKind::Comma).is_some() {
            if matches!(self.peek_kind(), TokenKind::Colon | TokenKind::If) {
                break;
            }
            patterns.push(self.maybe_star_pattern()?);
        }
        Ok(pattern(
            self.range_from(start),
            PatternKind::MatchSequence { patterns },
        ))
    }

    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if !self.at(TokenKind::Star) {
            return self.pattern();
        }
        let star = self.bump();
        let name = self.expect(TokenKind::Name)?;
        let text = self.text(name);
        let name = if text == "_" {
            None
        } else {
            Some(super::literal::identifier(text))
        };
        Ok(pattern(
            self.range_from(star.range.start),
            PatternKind::MatchStar { name },
        ))
    }

    /// `pattern`: an or-pattern, optionally `as NAME`.
    fn pattern(&mut self) -> PResult<Pattern> {
        self.enter(super::expression::PATTERN_UNITS)?;
        let result = self.pattern_inner();
        self.leave(super::expression::PATTERN_UNITS);
        result
    }

    fn pattern_inner(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let or_pattern = self.or_pattern()?;
        if self.eat(TokenKind::As).is_none() {
            return Ok(or_pattern);
        }
        let target = self.peek();
        if target.kind != TokenKind::Name {
            return Err(Fail::Generic);
        }
        if self.text(target) == "_" {
            return Err(self.error_at(target.range, "cannot use '_' as a target"));
        }
        self.bump();
        if matches!(
            self.peek_kind(),
            TokenKind::Dot | TokenKind::LPar | TokenKind::Equal
        ) {
            return Err(Fail::Generic);
        }
        Ok(pattern(
            self.range_from(start),
            PatternKind::MatchAs {
                pattern: Some(Box::new(or_pattern)),
                name: Some(super::literal::identifier(self.text(target))),
            },
        ))
    }

    fn or_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.closed_pattern()?;
        if !self.at(TokenKind::VBar) {
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat(TokenKind::VBar).is_some() {
            patterns.push(self.closed_pattern()?);
        }
        Ok(pattern(
            self.range_from(start),
            PatternKind::MatchOr { patterns },
        ))
    }

    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let token = self.peek();
        match token.kind {
            TokenKind::Minus | TokenKind::Int | TokenKind::Float | TokenKind::Imaginary => {
                let value = self.signed_or_complex_number()?;
                Ok(pattern(
                    value.range,
                    PatternKind::MatchValue {
                        value: Box::new(value),
                    },
                ))
            }
            TokenKind::String => {
                let value = self.strings()?;
                Ok(pattern(
                    value.range,
                    PatternKind::MatchValue {
                        value: Box::new(value),
                    },
                ))
            }
            TokenKind::None | TokenKind::True | TokenKind::False => {
                self.bump();
                let value = match token.kind {
                    TokenKind::None => Constant::None,
                    TokenKind::True => Constant::Bool(true),
                    _ => Constant::Bool(false),
                };
                Ok(pattern(token.range, PatternKind::MatchSingleton { value }))
            }
            TokenKind::Name => self.name_pattern(),
            TokenKind::LPar => self.paren_pattern(),
            TokenKind::LSqb => {
                let start = self.bump().range.start;
                let patterns = self.pattern_list(TokenKind::RSqb)?;
                self.expect(TokenKind::RSqb)?;
                Ok(pattern(
                    self.range_from(start),
                    PatternKind::MatchSequence { patterns },
                ))
            }
            TokenKind::LBrace => self.mapping_pattern(),
            _ => Err(Fail::Generic),
        }
    }

    /// Comma-separated `maybe_star_pattern`s up to `close` (not consumed).
    fn pattern_list(&mut self, close: TokenKind) -> PResult<Vec<Pattern>> {
        let mut patterns = Vec::new();
        while !self.at(close) {
            patterns.push(self.maybe_star_pattern()?);
            if self.eat(TokenKind::Comma).is_none() {
                break;
            }
        }
        Ok(patterns)
    }

    /// `(pattern)` is a group; `()` and `(p,)` are sequences.
    fn paren_pattern(&mut self) -> PResult<Pattern> {
        let start = self.bump().range.start;
        if self.eat(TokenKind::RPar).is_some() {
            return Ok(pattern(
                self.range_from(start),
                PatternKind::MatchSequence {
                    patterns: Vec::new(),
                },
            ));
        }
        let first = self.maybe_star_pattern()?;
        if self.eat(TokenKind::RPar).is_some() {
            if matches!(first.kind, PatternKind::MatchStar { .. }) {
                return Ok(pattern(
                    self.range_from(start),
                    PatternKind::MatchSequence {
                        patterns: vec![first],
                    },
                ));
            }
            return Ok(first);
        }
        self.expect(TokenKind::Comma)?;
        let mut patterns = vec![first];
        patterns.extend(self.pattern_list(TokenKind::RPar)?);
        self.expect(TokenKind::RPar)?;
        Ok(pattern(
            self.range_from(start),
            PatternKind::MatchSequence { patterns },
        ))
    }

    /// A dotted name `a.b.c` as Name/Attribute loads.
    fn name_or_attr(&mut self) -> PResult<Expr> {
        let first = self.expect(TokenKind::Name)?;
        let mut expr = self.name_expr(first, ExprContext::Load);
        while self.eat(TokenKind::Dot).is_some() {
            let name = self.expect(TokenKind::Name)?;
            expr = make(
                self.range_from(first.range.start),
                ExprKind::Attribute {
                    value: Box::new(expr),
                    attr: super::literal::identifier(self.text(name)),
                    ctx: ExprContext::Load,
                },
            );
        }
        Ok(expr)
    }

    /// Capture, wildcard, value and class patterns: all start with a name.
    fn name_pattern(&mut self) -> PResult<Pattern> {
        let first = self.peek();
        let value = self.name_or_attr()?;
        if self.at(TokenKind::LPar) {
            return self.class_pattern(value);
        }
        if let ExprKind::Name { id, .. } = &value.kind {
            let name: Option<Identifier> = if &**id == "_" { None } else { Some(id.clone()) };
            return Ok(pattern(
                first.range,
                PatternKind::MatchAs {
                    pattern: None,
                    name,
                },
            ));
        }
        Ok(pattern(
            value.range,
            PatternKind::MatchValue {
                value: Box::new(value),
            },
        ))
    }

    fn class_pattern(&mut self, cls: Expr) -> PResult<Pattern> {
        let start = cls.range.start;
        self.bump();
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns: Vec<Pattern> = Vec::new();
        while !self.at(TokenKind::RPar) {
            if self.at(TokenKind::Name) && self.peek_nth(1).kind == TokenKind::Equal {
                let name = self.bump();
                self.bump();
                kwd_attrs.push(super::literal::identifier(self.text(name)));
                kwd_patterns.push(self.pattern()?);
            } else {
                let positional = self.pattern()?;
                if !kwd_patterns.is_empty() {
                    return Err(self.error_at(
                        positional.range,
                        "positional patterns follow keyword patterns",
                    ));
                }
                patterns.push(positional);
            }
            if self.eat(TokenKind::Comma).is_none() {
                break;
            }
        }
        self.expect(TokenKind::RPar)?;
        Ok(pattern(
            self.range_from(start),
            PatternKind::MatchClass {
                cls: Box::new(cls),
                patterns,
                kwd_attrs,
                kwd_patterns,
            },
        ))
    }

    fn mapping_pattern(&mut self) -> PResult<Pattern> {
        let start = self.bump().range.start;
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        while !self.at(TokenKind::RBrace) {
            if self.eat(TokenKind::DoubleStar).is_some() {
                let name = self.expect(TokenKind::Name)?;
                rest = Some(super::literal::identifier(self.text(name)));
                self.eat(TokenKind::Comma);
                break;
            }
            let key = self.mapping_key()?;
            self.expect(TokenKind::Colon)?;
            keys.push(key);
            patterns.push(self.pattern()?);
            if self.eat(TokenKind::Comma).is_none() {
                break;
            }
        }
        self.expect(TokenKind::RBrace)?;
        Ok(pattern(
            self.range_from(start),
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            },
        ))
    }

    /// A mapping pattern key: a literal or a dotted value.
    fn mapping_key(&mut self) -> PResult<Expr> {
        let token = self.peek();
        match token.kind {
            TokenKind::Minus | TokenKind::Int | TokenKind::Float | TokenKind::Imaginary => {
                self.signed_or_complex_number()
            }
            TokenKind::String => self.strings(),
            TokenKind::None | TokenKind::True | TokenKind::False => self.atom(),
            TokenKind::Name => {
                let value = self.name_or_attr()?;
                if matches!(value.kind, ExprKind::Name { .. }) {
                    return Err(Fail::Generic);
                }
                Ok(value)
            }
            _ => Err(Fail::Generic),
        }
    }

    /// `signed_number`, or `signed_real ('+'|'-') imaginary`.
    fn signed_or_complex_number(&mut self) -> PResult<Expr> {
        let start = self.start();
        let real = self.signed_number()?;
        let op = match self.peek_kind() {
            TokenKind::Plus => Operator::Add,
            TokenKind::Minus => Operator::Sub,
            _ => return Ok(real),
        };
        self.bump();
        let imag_token = self.peek();
        if imag_token.kind != TokenKind::Imaginary {
            if matches!(imag_token.kind, TokenKind::Int | TokenKind::Float) {
                return Err(self.error_at(
                    imag_token.range,
                    "imaginary number required in complex literal",
                ));
            }
            return Err(Fail::Generic);
        }
        let imag = self.atom()?;
        Ok(make(
            self.range_from(start),
            ExprKind::BinOp {
                left: Box::new(real),
                op,
                right: Box::new(imag),
            },
        ))
    }

    fn signed_number(&mut self) -> PResult<Expr> {
        let start = self.start();
        if self.eat(TokenKind::Minus).is_some() {
            if !matches!(
                self.peek_kind(),
                TokenKind::Int | TokenKind::Float | TokenKind::Imaginary
            ) {
                return Err(Fail::Generic);
            }
            let number = self.atom()?;
            return Ok(make(
                self.range_from(start),
                ExprKind::UnaryOp {
                    op: UnaryOp::USub,
                    operand: Box::new(number),
                },
            ));
        }
        self.atom()
    }
}
