//! Call arguments, `def` and `lambda` parameter lists, and `lambda` itself.

use super::expression::make;
use super::{Fail, PResult, Parser};
use crate::ast::{Arg, Arguments, Comprehension, Expr, ExprKind, Keyword, TextRange};
use crate::token::TokenKind;

/// The positional and keyword arguments of a call or class definition.
pub(crate) struct CallArguments {
    pub args: Vec<Expr>,
    pub keywords: Vec<Keyword>,
}

/// The end of a comprehension's last item, for error ranges.
fn last_comprehension_end(generators: &[Comprehension]) -> Option<u32> {
    let last = generators.last()?;
    Some(last.ifs.last().map_or(last.iter.range.end, |e| e.range.end))
}

impl Parser<'_> {
    /// A call trailer `(...)`: its arguments.
    pub(crate) fn call_trailer(&mut self) -> PResult<CallArguments> {
        let open = self.expect(TokenKind::LPar)?;
        self.bracket_level += 1;
        let arguments = self.call_arguments(open.range.start, true)?;
        self.expect(TokenKind::RPar)?;
        self.bracket_level -= 1;
        Ok(arguments)
    }

    /// The arguments between a call's parentheses; the cursor is after `(` and is
    /// left on `)`. `open` is where the `(` starts (a sole generator argument
    /// takes the call's parentheses as its range).
    pub(crate) fn call_arguments(
        &mut self,
        open: u32,
        allow_generator: bool,
    ) -> PResult<CallArguments> {
        let mut args: Vec<Expr> = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut seen_double_star = false;
        let mut seen_keyword = false;
        let mut misplaced_positional = None;
        while !self.at(TokenKind::RPar) {
            let start = self.start();
            let token = self.peek();
            match token.kind {
                TokenKind::Star => {
                    if seen_double_star {
                        return Err(self.error_at(
                            token.range,
                            "iterable argument unpacking follows keyword argument unpacking",
                        ));
                    }
                    args.push(self.starred(|p| p.expression())?);
                }
                TokenKind::DoubleStar => {
                    self.bump();
                    let value = self.expression()?;
                    seen_double_star = true;
                    keywords.push(Keyword {
                        range: self.range_from(start),
                        arg: None,
                        value,
                    });
                }
                TokenKind::Name if self.peek_nth(1).kind == TokenKind::Equal => {
                    self.bump();
                    let equal = self.bump();
                    let value = self.expression()?;
                    if self.at_comprehension() {
                        return Err(self.error_at(
                            TextRange::new(token.range.start, equal.range.end),
                            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        ));
                    }
                    seen_keyword = true;
                    keywords.push(Keyword {
                        range: self.range_from(start),
                        arg: Some(super::literal::identifier(self.text(token))),
                        value,
                    });
                }
                TokenKind::True | TokenKind::False | TokenKind::None
                    if self.peek_nth(1).kind == TokenKind::Equal =>
                {
                    let equal = self.peek_nth(1);
                    return Err(self.error_at(
                        TextRange::new(token.range.start, equal.range.end),
                        format!("cannot assign to {}", self.text(token)),
                    ));
                }
                _ => {
                    let value = self.argument_expression()?;
                    if self.at_comprehension() {
                        if !allow_generator {
                            return Err(Fail::Generic);
                        }
                        let generators = self.for_if_clauses()?;
                        let first = args.is_empty() && keywords.is_empty();
                        if first && !self.at(TokenKind::RPar) && !self.at(TokenKind::Comma) {
                            return Err(Fail::Generic);
                        }
                        if !first || self.at(TokenKind::Comma) {
                            // CPython parses the arguments after the generator
                            // first; an error inside them comes out first.
                            if let Some(error) = self.error_in_following_arguments(open) {
                                return Err(error);
                            }
                            let end =
                                last_comprehension_end(&generators).unwrap_or(value.range.end);
                            return Err(self.error_at(
                                TextRange::new(value.range.start, end),
                                "Generator expression must be parenthesized",
                            ));
                        }
                        let end = self.peek().range.end;
                        args.push(make(
                            TextRange::new(open, end),
                            ExprKind::GeneratorExp {
                                elt: Box::new(value),
                                generators,
                            },
                        ));
                        continue;
                    }
                    if (seen_double_star || seen_keyword) && misplaced_positional.is_none() {
                        // CPython reads all the arguments first and reports
                        // this at the last token it saw.
                        misplaced_positional = Some(if seen_double_star {
                            "positional argument follows keyword argument unpacking"
                        } else {
                            "positional argument follows keyword argument"
                        });
                    }
                    args.push(value);
                }
            }
            if self.eat(TokenKind::Comma).is_none() {
                break;
            }
        }
        if let Some(message) = misplaced_positional {
            let _ = self.peek();
            return Err(self.error_at_furthest(message));
        }
        Ok(CallArguments { args, keywords })
    }

    /// A specific error in the arguments after the cursor's comma, if any;
    /// the position is left unchanged.
    fn error_in_following_arguments(&mut self, open: u32) -> Option<Fail> {
        let snapshot = self.snapshot();
        let mut found = None;
        if self.eat(TokenKind::Comma).is_some() && !self.at(TokenKind::RPar) {
            if let Err(Fail::Error(error)) = self.call_arguments(open, true) {
                found = Some(Fail::Error(error));
            }
        }
        self.restore_error_pass(snapshot);
        found
    }

    /// A positional argument: a named expression, with CPython's complaint for
    /// `f(a.b=1)`.
    fn argument_expression(&mut self) -> PResult<Expr> {
        let start_token = self.peek();
        if start_token.kind == TokenKind::Name && self.peek_nth(1).kind == TokenKind::ColonEqual {
            return self.named_expression();
        }
        let value = self.expression()?;
        if self.at(TokenKind::Equal) && self.invalid_checks_off == 0 {
            let equal = self.peek();
            return Err(self.error_at(
                TextRange::new(value.range.start, equal.range.end),
                "expression cannot contain assignment, perhaps you meant \"==\"?",
            ));
        }
        if self.at(TokenKind::ColonEqual) {
            return Err(self.error_at(
                value.range,
                format!(
                    "cannot use assignment expressions with {}",
                    super::targets::expr_name(&value)
                ),
            ));
        }
        Ok(value)
    }

    /// `lambdef`: `lambda [params]: expression`.
    pub(crate) fn lambdef(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.expect(TokenKind::Lambda)?;
        let args = self.parameters(false, TokenKind::Colon)?;
        self.expect(TokenKind::Colon)?;
        let body = self.expression()?;
        Ok(make(
            self.range_from(start),
            ExprKind::Lambda {
                args: Box::new(args),
                body: Box::new(body),
            },
        ))
    }

    /// One parameter `NAME [':' annotation]` (annotations only for `def`).
    fn parameter(&mut self, annotated: bool, star_annotation: bool) -> PResult<Arg> {
        let name = self.expect(TokenKind::Name)?;
        let annotation = if annotated && self.eat(TokenKind::Colon).is_some() {
            if star_annotation && self.at(TokenKind::Star) {
                Some(self.starred(|p| p.expression())?)
            } else {
                Some(self.expression()?)
            }
        } else {
            None
        };
        Ok(Arg {
            range: self.range_from(name.range.start),
            arg: super::literal::identifier(self.text(name)),
            annotation,
        })
    }

    /// A parameter list up to (not including) `close`: `)` for `def`, `:` for
    /// `lambda`.
    pub(crate) fn parameters(&mut self, annotated: bool, close: TokenKind) -> PResult<Arguments> {
        let mut arguments = Arguments::default();
        // Positional parameters before `/` is seen go here first.
        let mut positional: Vec<Arg> = Vec::new();
        let mut seen_slash = false;
        let mut seen_star = false;
        let mut seen_default = false;
        while !self.at(close) {
            let token = self.peek();
            match token.kind {
                TokenKind::Slash => {
                    if seen_star {
                        return Err(self.error_at(token.range, "/ must be ahead of *"));
                    }
                    if seen_slash {
                        return Err(self.error_at(token.range, "/ may appear only once"));
                    }
                    if positional.is_empty() {
                        return Err(
                            self.error_at(token.range, "at least one argument must precede /")
                        );
                    }
                    self.bump();
                    seen_slash = true;
                    arguments.posonlyargs.append(&mut positional);
                }
                TokenKind::Star => {
                    if seen_star {
                        return Err(self.error_at(token.range, "* argument may appear only once"));
                    }
                    self.bump();
                    seen_star = true;
                    if self.at(TokenKind::Name) {
                        arguments.vararg = Some(self.parameter(annotated, true)?);
                        if self.at(TokenKind::Equal) {
                            let equal = self.peek();
                            return Err(self.error_at(
                                equal.range,
                                "var-positional argument cannot have default value",
                            ));
                        }
                    } else {
                        let next = self.peek_nth(1).kind;
                        let bare_end = self.at(close)
                            || (self.at(TokenKind::Comma)
                                && (next == close || next == TokenKind::DoubleStar));
                        if bare_end {
                            if close == TokenKind::Colon {
                                return Err(
                                    self.error_at_furthest("named arguments must follow bare *")
                                );
                            }
                            return Err(
                                self.error_at(token.range, "named arguments must follow bare *")
                            );
                        }
                        if !self.at(TokenKind::Comma) {
                            return Err(Fail::Generic);
                        }
                    }
                }
                TokenKind::DoubleStar => {
                    self.bump();
                    arguments.kwarg = Some(self.parameter(annotated, false)?);
                    if self.at(TokenKind::Equal) {
                        let equal = self.peek();
                        return Err(self.error_at(
                            equal.range,
                            "var-keyword argument cannot have default value",
                        ));
                    }
                    if self.eat(TokenKind::Comma).is_some() && !self.at(close) {
                        let next = self.peek();
                        if matches!(
                            next.kind,
                            TokenKind::Name
                                | TokenKind::Star
                                | TokenKind::DoubleStar
                                | TokenKind::Slash
                        ) {
                            return Err(self.error_at(
                                next.range,
                                "arguments cannot follow var-keyword argument",
                            ));
                        }
                        return Err(Fail::Generic);
                    }
                    break;
                }
                TokenKind::Name => {
                    let param = self.parameter(annotated, false)?;
                    let default = if let Some(equal) = self.eat(TokenKind::Equal) {
                        if matches!(self.peek_kind(), TokenKind::Comma) || self.at(close) {
                            return Err(
                                self.error_at(equal.range, "expected default value expression")
                            );
                        }
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    if seen_star {
                        arguments.kwonlyargs.push(param);
                        arguments.kw_defaults.push(default);
                    } else {
                        match default {
                            Some(value) => {
                                seen_default = true;
                                arguments.defaults.push(value);
                            }
                            None if seen_default
                                && (self.at(TokenKind::Comma) || self.at(close)) =>
                            {
                                return Err(self.error_at(
                                    param.range,
                                    "non-default argument follows default argument",
                                ));
                            }
                            None => {}
                        }
                        positional.push(param);
                    }
                }
                TokenKind::LPar if close == TokenKind::RPar || close == TokenKind::Colon => {
                    return Err(self.parenthesized_parameters(close));
                }
                _ => return Err(Fail::Generic),
            }
            if self.eat(TokenKind::Comma).is_none() {
                break;
            }
        }
        arguments.args = positional;
        Ok(arguments)
    }

    /// `def f((a, b))`: CPython's "parameters cannot be parenthesized".
    fn parenthesized_parameters(&mut self, close: TokenKind) -> Fail {
        let open = self.peek();
        let snapshot = self.snapshot();
        self.bump();
        if !self.at(TokenKind::Name) {
            self.restore_error_pass(snapshot);
            return Fail::Generic;
        }
        while self.eat(TokenKind::Name).is_some() {
            if self.eat(TokenKind::Comma).is_none() {
                break;
            }
        }
        if let Some(close_paren) = self.eat(TokenKind::RPar) {
            let message = if close == TokenKind::Colon {
                "Lambda expression parameters cannot be parenthesized"
            } else {
                "Function parameters cannot be parenthesized"
            };
            let range = TextRange::new(open.range.start, close_paren.range.end);
            self.restore_error_pass(snapshot);
            return self.error_at(range, message);
        }
        self.restore_error_pass(snapshot);
        Fail::Generic
    }

    /// Class bases and keywords: `(` arguments `)`, or nothing.
    pub(crate) fn class_arguments(&mut self) -> PResult<CallArguments> {
        let Some(open) = self.eat(TokenKind::LPar) else {
            return Ok(CallArguments {
                args: Vec::new(),
                keywords: Vec::new(),
            });
        };
        self.bracket_level += 1;
        let arguments = self.call_arguments(open.range.start, false)?;
        self.expect(TokenKind::RPar)?;
        self.bracket_level -= 1;
        Ok(arguments)
    }
}
