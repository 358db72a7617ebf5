//! Expressions: from `star_expressions` down to atoms, with CPython's precedence.
//!
//! Every compound node's range runs from the first token of its rule to the last
//! token consumed (`Parser::range_from`), which is exactly pegen's `EXTRA`: so
//! `(a).b` starts at the parenthesis while the group `(a)` itself is just `a`.

use super::{Fail, PResult, Parser};
use crate::ast::{
    BoolOp, CmpOp, Comprehension, Constant, Expr, ExprContext, ExprKind, Operator, TextRange,
    UnaryOp,
};
use crate::token::TokenKind;

/// Nesting units charged for entering a full expression (CPython walks about
/// this many rules from `expression` down to `atom`).
const EXPRESSION_UNITS: u32 = 18;

/// Nesting units charged for entering a pattern.
pub(crate) const PATTERN_UNITS: u32 = 10;

pub(crate) fn make(range: TextRange, kind: ExprKind) -> Expr {
    Expr { range, kind }
}

/// Whether a token can begin an expression (excluding `*`/`**` forms).
pub(crate) fn starts_expression(kind: TokenKind) -> bool {
    use TokenKind::*;
    matches!(
        kind,
        Name | Int
            | Float
            | Imaginary
            | String
            | LPar
            | LSqb
            | LBrace
            | Minus
            | Plus
            | Tilde
            | Not
            | Lambda
            | Await
            | None
            | True
            | False
            | Ellipsis
    )
}

/// What a trailer adds to a primary.
enum Trailer {
    Attribute(crate::ast::Identifier),
    Call(super::arguments::CallArguments),
    Subscript(Expr),
}

/// The binary operator a token spells, with its precedence level (0 lowest).
fn binary_operator(kind: TokenKind) -> Option<(Operator, u8)> {
    use TokenKind::*;
    Some(match kind {
        VBar => (Operator::BitOr, 0),
        Circumflex => (Operator::BitXor, 1),
        Amper => (Operator::BitAnd, 2),
        LeftShift => (Operator::LShift, 3),
        RightShift => (Operator::RShift, 3),
        Plus => (Operator::Add, 4),
        Minus => (Operator::Sub, 4),
        Star => (Operator::Mult, 5),
        Slash => (Operator::Div, 5),
        DoubleSlash => (Operator::FloorDiv, 5),
        Percent => (Operator::Mod, 5),
        At => (Operator::MatMult, 5),
        _ => return Option::None,
    })
}

impl Parser<'_> {
    /// `star_expressions`: one or more `star_expression`, a tuple when commas appear.
    pub(crate) fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_expression()?;
        if !self.at(TokenKind::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(TokenKind::Comma).is_some() {
            let kind = self.peek_kind();
            if !(starts_expression(kind) || kind == TokenKind::Star) {
                break;
            }
            elts.push(self.star_expression()?);
        }
        Ok(make(
            self.range_from(start),
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
        ))
    }

    /// `star_expression`: `'*' bitwise_or` or an expression.
    pub(crate) fn star_expression(&mut self) -> PResult<Expr> {
        if self.at(TokenKind::Star) {
            return self.starred(|p| p.bitwise_or());
        }
        self.expression()
    }

    /// `'*' inner` as a `Starred` node.
    pub(crate) fn starred(&mut self, inner: fn(&mut Self) -> PResult<Expr>) -> PResult<Expr> {
        let start = self.start();
        self.expect(TokenKind::Star)?;
        let value = inner(self)?;
        Ok(make(
            self.range_from(start),
            ExprKind::Starred {
                value: Box::new(value),
                ctx: ExprContext::Load,
            },
        ))
    }

    /// `star_named_expression`: `'*' bitwise_or` or a named expression.
    pub(crate) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at(TokenKind::Star) {
            return self.starred(|p| p.bitwise_or());
        }
        self.named_expression()
    }

    /// `named_expression`: `NAME ':=' expression` or an expression.
    pub(crate) fn named_expression(&mut self) -> PResult<Expr> {
        let start = self.start();
        if self.at(TokenKind::Name) && self.peek_nth(1).kind == TokenKind::ColonEqual {
            let name = self.bump();
            let target = self.name_expr(name, ExprContext::Store);
            self.bump();
            let value = self.expression()?;
            return Ok(make(
                self.range_from(start),
                ExprKind::NamedExpr {
                    target: Box::new(target),
                    value: Box::new(value),
                },
            ));
        }
        let mark = self.mark();
        let expr = self.expression()?;
        match self.peek_kind() {
            TokenKind::ColonEqual => Err(self.error_at(
                expr.range,
                format!(
                    "cannot use assignment expressions with {}",
                    super::targets::expr_name(&expr)
                ),
            )),
            TokenKind::Equal if self.peek_nth(1).kind != TokenKind::Equal => {
                Err(self.misplaced_assignment(mark, &expr))
            }
            _ => Ok(expr),
        }
    }

    /// `expression`: a conditional expression, a lambda, or a disjunction.
    pub(crate) fn expression(&mut self) -> PResult<Expr> {
        self.enter(EXPRESSION_UNITS)?;
        let result = self.expression_inner();
        self.leave(EXPRESSION_UNITS);
        result
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        if self.at(TokenKind::Lambda) {
            return self.lambdef();
        }
        let start = self.start();
        let first_token = self.peek();
        let mark = self.mark();
        let body = self.disjunction()?;
        if self.at(TokenKind::If) {
            self.bump();
            let test = self.disjunction()?;
            if self.eat(TokenKind::Else).is_none() {
                if !self.at(TokenKind::Colon) {
                    return Err(self.error_at(
                        TextRange::new(body.range.start, test.range.end),
                        "expected 'else' after 'if' expression",
                    ));
                }
                return Err(Fail::Generic);
            }
            let orelse = self.expression()?;
            return Ok(make(
                self.range_from(start),
                ExprKind::IfExp {
                    test: Box::new(test),
                    body: Box::new(body),
                    orelse: Box::new(orelse),
                },
            ));
        }
        if starts_expression(self.peek_kind()) && self.no_juxtaposition_at != Some(mark) {
            // Read without peeking: looking is not fetching for CPython's
            // furthest-token bookkeeping, and this token was consumed anyway.
            let second_kind = self.token_kind_at(mark + 1);
            self.juxtaposed_expressions(first_token, second_kind, &body)?;
        }
        Ok(body)
    }

    /// `disjunction`: `conjunction ('or' conjunction)*`.
    pub(crate) fn disjunction(&mut self) -> PResult<Expr> {
        self.bool_chain(TokenKind::Or, BoolOp::Or, Self::conjunction)
    }

    fn conjunction(&mut self) -> PResult<Expr> {
        self.bool_chain(TokenKind::And, BoolOp::And, Self::inversion)
    }

    fn bool_chain(
        &mut self,
        keyword: TokenKind,
        op: BoolOp,
        next: fn(&mut Self) -> PResult<Expr>,
    ) -> PResult<Expr> {
        let start = self.start();
        let first = next(self)?;
        if !self.at(keyword) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(keyword).is_some() {
            values.push(next(self)?);
        }
        Ok(make(
            self.range_from(start),
            ExprKind::BoolOp { op, values },
        ))
    }

    fn inversion(&mut self) -> PResult<Expr> {
        if !self.at(TokenKind::Not) {
            return self.comparison();
        }
        let start = self.start();
        self.bump();
        self.enter(1)?;
        let operand = self.inversion();
        self.leave(1);
        Ok(make(
            self.range_from(start),
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand: Box::new(operand?),
            },
        ))
    }

    fn comparison_operator(&mut self) -> Option<(CmpOp, usize)> {
        use TokenKind::*;
        let op = match self.peek_kind() {
            EqEqual => CmpOp::Eq,
            NotEqual => CmpOp::NotEq,
            Less => CmpOp::Lt,
            LessEqual => CmpOp::LtE,
            Greater => CmpOp::Gt,
            GreaterEqual => CmpOp::GtE,
            In => CmpOp::In,
            Is if self.peek_nth(1).kind == Not => return Some((CmpOp::IsNot, 2)),
            Is => CmpOp::Is,
            Not if self.peek_nth(1).kind == In => return Some((CmpOp::NotIn, 2)),
            _ => return Option::None,
        };
        Some((op, 1))
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let start = self.start();
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some((op, width)) = self.comparison_operator() {
            for _ in 0..width {
                self.bump();
            }
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(make(
            self.range_from(start),
            ExprKind::Compare {
                left: Box::new(left),
                ops,
                comparators,
            },
        ))
    }

    /// `bitwise_or` and the binary levels below it, down to `factor`.
    pub(crate) fn bitwise_or(&mut self) -> PResult<Expr> {
        let start = self.start();
        let left = self.factor()?;
        self.binary_chain(start, left, 0)
    }

    /// Precedence climbing over the six left-associative binary levels (`|` is
    /// level 0, `*` and friends level 5): extends `left` with every operator of
    /// level `min_level` or higher. One call per operator instead of one per
    /// level per operand keeps this, the parser's hottest path, short.
    fn binary_chain(&mut self, start: u32, mut left: Expr, min_level: u8) -> PResult<Expr> {
        // Each operator nests the tree one level deeper (and everything that
        // walks it later recurses), so a long chain counts against the limit.
        let mut chained = 0;
        let result = loop {
            let Some((op, level)) = binary_operator(self.peek_kind()) else {
                break Ok(left);
            };
            if level < min_level {
                break Ok(left);
            }
            if let Err(error) = self.enter(1) {
                break Err(error);
            }
            chained += 1;
            // Without a right operand the PEG rule ends before the operator;
            // the caller then fails there (or finds a better message).
            let before = (self.pos, self.bracket_level);
            self.bump();
            let right_start = self.start();
            let right = match self.factor() {
                Ok(right) => self.binary_chain(right_start, right, level + 1),
                Err(error) => Err(error),
            };
            let right = match right {
                Ok(right) => right,
                Err(Fail::Generic) => {
                    (self.pos, self.bracket_level) = before;
                    break Ok(left);
                }
                Err(error) => break Err(error),
            };
            left = make(
                self.range_from(start),
                ExprKind::BinOp {
                    left: Box::new(left),
                    op,
                    right: Box::new(right),
                },
            );
        };
        self.leave(chained);
        result
    }

    /// `factor`: unary `+`, `-`, `~`, or `power`.
    pub(crate) fn factor(&mut self) -> PResult<Expr> {
        let op = match self.peek_kind() {
            TokenKind::Plus => UnaryOp::UAdd,
            TokenKind::Minus => UnaryOp::USub,
            TokenKind::Tilde => UnaryOp::Invert,
            _ => return self.power(),
        };
        let start = self.start();
        self.bump();
        self.enter(1)?;
        let operand = self.factor();
        self.leave(1);
        Ok(make(
            self.range_from(start),
            ExprKind::UnaryOp {
                op,
                operand: Box::new(operand?),
            },
        ))
    }

    fn power(&mut self) -> PResult<Expr> {
        let start = self.start();
        let base = self.await_primary()?;
        if self.eat(TokenKind::DoubleStar).is_none() {
            return Ok(base);
        }
        self.enter(2)?;
        let exponent = self.factor();
        self.leave(2);
        Ok(make(
            self.range_from(start),
            ExprKind::BinOp {
                left: Box::new(base),
                op: Operator::Pow,
                right: Box::new(exponent?),
            },
        ))
    }

    fn await_primary(&mut self) -> PResult<Expr> {
        if !self.at(TokenKind::Await) {
            return self.primary();
        }
        let start = self.start();
        self.bump();
        self.enter(2)?;
        let value = self.primary();
        self.leave(2);
        Ok(make(
            self.range_from(start),
            ExprKind::Await {
                value: Box::new(value?),
            },
        ))
    }

    /// `primary`: an atom followed by attribute, call and subscript trailers.
    pub(crate) fn primary(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut expr = self.atom()?;
        let mut chained = 0;
        let result = self.trailers(start, &mut expr, &mut chained);
        self.leave(chained);
        result.map(|()| expr)
    }

    /// Applies trailers to `expr` in place, counting each against the depth.
    fn trailers(&mut self, start: u32, expr: &mut Expr, chained: &mut u32) -> PResult<()> {
        loop {
            // A trailer that does not parse leaves `primary` ending before it,
            // as the PEG grammar's backtracking does: `(a[] b)` is then seen as
            // two expressions side by side. Only the furthest token is kept.
            let before = (self.pos, self.bracket_level);
            let trailer = match self.trailer() {
                Ok(Some(trailer)) => trailer,
                Ok(None) => return Ok(()),
                Err(Fail::Generic) => {
                    (self.pos, self.bracket_level) = before;
                    return Ok(());
                }
                Err(error) => return Err(error),
            };
            self.enter(1)?;
            *chained += 1;
            let range = self.range_from(start);
            let placeholder = make(
                range,
                ExprKind::Constant {
                    value: Constant::None,
                    kind: None,
                },
            );
            let value = Box::new(std::mem::replace(expr, placeholder));
            let kind = match trailer {
                Trailer::Attribute(attr) => ExprKind::Attribute {
                    value,
                    attr,
                    ctx: ExprContext::Load,
                },
                Trailer::Call(arguments) => ExprKind::Call {
                    func: value,
                    args: arguments.args,
                    keywords: arguments.keywords,
                },
                Trailer::Subscript(slice) => ExprKind::Subscript {
                    value,
                    slice: Box::new(slice),
                    ctx: ExprContext::Load,
                },
            };
            *expr = make(range, kind);
        }
    }

    /// The parts of one `.name`, `(args)` or `[slices]` trailer; `None` when
    /// no trailer follows.
    fn trailer(&mut self) -> PResult<Option<Trailer>> {
        match self.peek_kind() {
            TokenKind::Dot => {
                self.bump();
                let name = self.expect(TokenKind::Name)?;
                Ok(Some(Trailer::Attribute(super::literal::identifier(
                    self.text(name),
                ))))
            }
            TokenKind::LPar => Ok(Some(Trailer::Call(self.call_trailer()?))),
            TokenKind::LSqb => {
                self.bump();
                self.bracket_level += 1;
                let slice = self.slices()?;
                self.expect(TokenKind::RSqb)?;
                self.bracket_level -= 1;
                Ok(Some(Trailer::Subscript(slice)))
            }
            _ => Ok(None),
        }
    }

    /// `slices`: one slice, or a tuple of slices and starred expressions.
    fn slices(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.slice_or_starred()?;
        if !self.at(TokenKind::Comma) {
            if matches!(first.kind, ExprKind::Starred { .. }) {
                return Ok(make(
                    self.range_from(start),
                    ExprKind::Tuple {
                        elts: vec![first],
                        ctx: ExprContext::Load,
                    },
                ));
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(TokenKind::Comma).is_some() {
            if self.at(TokenKind::RSqb) {
                break;
            }
            elts.push(self.slice_or_starred()?);
        }
        Ok(make(
            self.range_from(start),
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
        ))
    }

    fn slice_or_starred(&mut self) -> PResult<Expr> {
        if self.at(TokenKind::Star) {
            return self.starred(|p| p.expression());
        }
        let start = self.start();
        let lower = if self.at(TokenKind::Colon) {
            None
        } else {
            let lower = self.named_expression()?;
            if !self.at(TokenKind::Colon) {
                return Ok(lower);
            }
            Some(Box::new(lower))
        };
        self.expect(TokenKind::Colon)?;
        let upper = self.optional_expression()?;
        let step = if self.eat(TokenKind::Colon).is_some() {
            self.optional_expression()?
        } else {
            None
        };
        Ok(make(
            self.range_from(start),
            ExprKind::Slice { lower, upper, step },
        ))
    }

    fn optional_expression(&mut self) -> PResult<Option<Box<Expr>>> {
        if starts_expression(self.peek_kind()) {
            Ok(Some(Box::new(self.expression()?)))
        } else {
            Ok(None)
        }
    }

    pub(crate) fn name_expr(&self, token: crate::token::Token, ctx: ExprContext) -> Expr {
        make(
            token.range,
            ExprKind::Name {
                id: super::literal::identifier(self.text(token)),
                ctx,
            },
        )
    }

    fn constant(&self, range: TextRange, value: Constant) -> Expr {
        make(range, ExprKind::Constant { value, kind: None })
    }

    /// `atom`: names, constants, strings, numbers and bracketed displays.
    pub(crate) fn atom(&mut self) -> PResult<Expr> {
        let token = self.peek();
        match token.kind {
            TokenKind::Name => {
                self.bump();
                Ok(self.name_expr(token, ExprContext::Load))
            }
            TokenKind::True => {
                self.bump();
                Ok(self.constant(token.range, Constant::Bool(true)))
            }
            TokenKind::False => {
                self.bump();
                Ok(self.constant(token.range, Constant::Bool(false)))
            }
            TokenKind::None => {
                self.bump();
                Ok(self.constant(token.range, Constant::None))
            }
            TokenKind::Ellipsis => {
                self.bump();
                Ok(self.constant(token.range, Constant::Ellipsis))
            }
            TokenKind::Int | TokenKind::Float | TokenKind::Imaginary => {
                self.bump();
                let text = self.text(token);
                if let Some(digits) = too_many_decimal_digits(text, token.kind) {
                    return Err(self.error_at(
                        token.range,
                        format!(
                            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string \
                             conversion: value has {digits} digits; use \
                             sys.set_int_max_str_digits() to increase the limit - Consider \
                             hexadecimal for huge integer literals to avoid decimal conversion \
                             limits."
                        ),
                    ));
                }
                let value = super::literal::number(text, token.kind);
                Ok(self.constant(token.range, value))
            }
            TokenKind::String => self.strings(),
            TokenKind::LPar => self.parenthesized(),
            TokenKind::LSqb => self.list_display(),
            TokenKind::LBrace => self.brace_display(),
            _ => Err(Fail::Generic),
        }
    }

    /// `(`: the empty tuple, a group, a tuple, a generator expression or `(yield)`.
    fn parenthesized(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        self.bracket_level += 1;
        let result = self.parenthesized_inner(start);
        if result.is_ok() {
            self.bracket_level -= 1;
        }
        result
    }

    fn parenthesized_inner(&mut self, start: u32) -> PResult<Expr> {
        if self.eat(TokenKind::RPar).is_some() {
            return Ok(self.tuple(start, Vec::new()));
        }
        if self.at(TokenKind::Yield) {
            let value = self.yield_expr()?;
            self.expect(TokenKind::RPar)?;
            return Ok(value);
        }
        if self.at(TokenKind::DoubleStar) {
            let star = self.bump();
            let _ = self.expression()?;
            if self.at(TokenKind::RPar) {
                return Err(self.error_at(star.range, "cannot use double starred expression here"));
            }
            return Err(Fail::Generic);
        }
        let first = self.star_named_expression()?;
        if self.at_comprehension() {
            self.reject_unpacking_in_comprehension(&first)?;
            let generators = self.for_if_clauses()?;
            self.expect(TokenKind::RPar)?;
            return Ok(make(
                self.range_from(start),
                ExprKind::GeneratorExp {
                    elt: Box::new(first),
                    generators,
                },
            ));
        }
        if self.at(TokenKind::Comma) {
            let mut elts = vec![first];
            while self.eat(TokenKind::Comma).is_some() {
                if self.at(TokenKind::RPar) {
                    break;
                }
                elts.push(self.star_named_expression()?);
            }
            self.expect(TokenKind::RPar)?;
            return Ok(self.tuple(start, elts));
        }
        self.expect(TokenKind::RPar)?;
        if matches!(first.kind, ExprKind::Starred { .. }) {
            return Err(self.error_at(first.range, "cannot use starred expression here"));
        }
        Ok(first)
    }

    fn tuple(&self, start: u32, elts: Vec<Expr>) -> Expr {
        make(
            self.range_from(start),
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
        )
    }

    /// `[`: a list display or a list comprehension.
    fn list_display(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        self.bracket_level += 1;
        if self.eat(TokenKind::RSqb).is_some() {
            self.bracket_level -= 1;
            return Ok(make(
                self.range_from(start),
                ExprKind::List {
                    elts: Vec::new(),
                    ctx: ExprContext::Load,
                },
            ));
        }
        let first = self.star_named_expression()?;
        if self.at_comprehension() {
            self.reject_unpacking_in_comprehension(&first)?;
            let generators = self.for_if_clauses()?;
            self.expect(TokenKind::RSqb)?;
            self.bracket_level -= 1;
            return Ok(make(
                self.range_from(start),
                ExprKind::ListComp {
                    elt: Box::new(first),
                    generators,
                },
            ));
        }
        let elts = self.display_items(first, TokenKind::RSqb)?;
        self.bracket_level -= 1;
        Ok(make(
            self.range_from(start),
            ExprKind::List {
                elts,
                ctx: ExprContext::Load,
            },
        ))
    }

    /// The rest of a list or set display after its first element, through the
    /// closing bracket.
    fn display_items(&mut self, first: Expr, close: TokenKind) -> PResult<Vec<Expr>> {
        let mut elts = vec![first];
        while self.eat(TokenKind::Comma).is_some() {
            if self.at(close) {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        if self.at_comprehension() {
            let (Some(a), Some(b)) = (elts.first(), elts.last()) else {
                return Err(Fail::Generic);
            };
            let range = if elts.len() == 1 {
                a.range
            } else {
                TextRange::new(a.range.start, b.range.end)
            };
            return Err(self.error_at(
                range,
                "did you forget parentheses around the comprehension target?",
            ));
        }
        self.expect(close)?;
        Ok(elts)
    }

    /// `{`: a dict or set display, or a dict or set comprehension.
    fn brace_display(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        self.bracket_level += 1;
        let result = self.brace_display_inner(start);
        if result.is_ok() {
            self.bracket_level -= 1;
        }
        result
    }

    fn brace_display_inner(&mut self, start: u32) -> PResult<Expr> {
        if self.eat(TokenKind::RBrace).is_some() {
            return Ok(make(
                self.range_from(start),
                ExprKind::Dict {
                    keys: Vec::new(),
                    values: Vec::new(),
                },
            ));
        }
        if self.at(TokenKind::DoubleStar) {
            let stars = self.bump();
            let value = self.bitwise_or()?;
            if self.at_comprehension() {
                return Err(self.error_at(
                    stars.range,
                    "dict unpacking cannot be used in dict comprehension",
                ));
            }
            return self.dict_items(start, None, value);
        }
        let first = self.star_named_expression()?;
        if self.eat(TokenKind::Colon).is_some() {
            self.check_dict_value()?;
            let value = self.expression()?;
            if self.at_comprehension() {
                let generators = self.for_if_clauses()?;
                self.expect(TokenKind::RBrace)?;
                return Ok(make(
                    self.range_from(start),
                    ExprKind::DictComp {
                        key: Box::new(first),
                        value: Box::new(value),
                        generators,
                    },
                ));
            }
            return self.dict_items(start, Some(first), value);
        }
        if self.at_comprehension() {
            self.reject_unpacking_in_comprehension(&first)?;
            let generators = self.for_if_clauses()?;
            self.expect(TokenKind::RBrace)?;
            return Ok(make(
                self.range_from(start),
                ExprKind::SetComp {
                    elt: Box::new(first),
                    generators,
                },
            ));
        }
        let elts = self.display_items(first, TokenKind::RBrace)?;
        Ok(make(self.range_from(start), ExprKind::Set { elts }))
    }

    /// The rest of a dict display after its first key/value pair.
    fn dict_items(&mut self, start: u32, key: Option<Expr>, value: Expr) -> PResult<Expr> {
        let mut keys = vec![key];
        let mut values = vec![value];
        while self.eat(TokenKind::Comma).is_some() {
            if self.at(TokenKind::RBrace) {
                break;
            }
            if self.eat(TokenKind::DoubleStar).is_some() {
                keys.push(None);
                values.push(self.bitwise_or()?);
                continue;
            }
            // CPython's `invalid_kvpair` wins over "Perhaps you forgot a comma?"
            // for the keys after the first pair.
            self.no_juxtaposition_at = Some(self.mark());
            let key = self.expression();
            self.no_juxtaposition_at = None;
            let key = key?;
            if self.eat(TokenKind::Colon).is_none() {
                let at = key.range.end.saturating_sub(1).max(key.range.start);
                return Err(
                    self.error_at(TextRange::new(at, at), "':' expected after dictionary key")
                );
            }
            self.check_dict_value()?;
            keys.push(Some(key));
            values.push(self.expression()?);
        }
        self.expect(TokenKind::RBrace)?;
        Ok(make(
            self.range_from(start),
            ExprKind::Dict { keys, values },
        ))
    }

    /// After a dict key's `:`, a value must follow: `{a:}` gets CPython's
    /// message at the colon.
    fn check_dict_value(&mut self) -> PResult<()> {
        if self.at(TokenKind::Star) {
            let star = self.peek().range;
            return Err(self.error_at(
                star,
                "cannot use a starred expression in a dictionary value",
            ));
        }
        if matches!(self.peek_kind(), TokenKind::RBrace | TokenKind::Comma) {
            let colon = self.prev_token().map(|t| t.range).unwrap_or_default();
            return Err(self.error_at(colon, "expression expected after dictionary key and ':'"));
        }
        Ok(())
    }

    /// Whether a comprehension's `for` (or `async for`) comes next.
    pub(crate) fn at_comprehension(&mut self) -> bool {
        match self.peek_kind() {
            TokenKind::For => true,
            TokenKind::Async => self.peek_nth(1).kind == TokenKind::For,
            _ => false,
        }
    }

    fn reject_unpacking_in_comprehension(&self, elt: &Expr) -> PResult<()> {
        if matches!(elt.kind, ExprKind::Starred { .. }) {
            return Err(self.error_at(
                elt.range,
                "iterable unpacking cannot be used in comprehension",
            ));
        }
        Ok(())
    }

    /// `for_if_clauses`: one or more `[async] for targets in disjunction (if disjunction)*`.
    pub(crate) fn for_if_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut generators = Vec::new();
        while self.at_comprehension() {
            let is_async = self.eat(TokenKind::Async).is_some();
            self.expect(TokenKind::For)?;
            let target = self.star_targets(super::targets::TargetKind::For)?;
            if self.eat(TokenKind::In).is_none() {
                return Err(Fail::Generic);
            }
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat(TokenKind::If).is_some() {
                ifs.push(self.disjunction()?);
            }
            generators.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(generators)
    }

    /// `yield_expr`: `yield from expression` or `yield [star_expressions]`.
    pub(crate) fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.expect(TokenKind::Yield)?;
        if self.eat(TokenKind::From).is_some() {
            let value = self.expression()?;
            return Ok(make(
                self.range_from(start),
                ExprKind::YieldFrom {
                    value: Box::new(value),
                },
            ));
        }
        let kind = self.peek_kind();
        let value = if starts_expression(kind) || kind == TokenKind::Star {
            Some(Box::new(self.star_expressions()?))
        } else {
            None
        };
        Ok(make(self.range_from(start), ExprKind::Yield { value }))
    }

    /// `yield_expr | star_expressions`, the right-hand side of assignments.
    pub(crate) fn yield_or_star_expressions(&mut self) -> PResult<Expr> {
        if self.at(TokenKind::Yield) {
            self.yield_expr()
        } else {
            self.star_expressions()
        }
    }
}

/// CPython's default limit on the digits of a decimal int it converts from text
/// (`sys.get_int_max_str_digits()`), which its parser applies to literals too.
const MAX_STR_DIGITS: usize = 4300;

/// The number of digits of a decimal int literal longer than CPython accepts;
/// hexadecimal, octal and binary literals have no limit.
fn too_many_decimal_digits(text: &str, kind: TokenKind) -> Option<usize> {
    if kind != TokenKind::Int {
        return None;
    }
    let prefixed = text.len() > 1
        && text.starts_with('0')
        && matches!(text.as_bytes()[1].to_ascii_lowercase(), b'x' | b'o' | b'b');
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    (!prefixed && digits > MAX_STR_DIGITS).then_some(digits)
}
