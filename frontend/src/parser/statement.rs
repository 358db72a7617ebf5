//! Statements: the module, blocks, simple statements and compound statements.

use super::expression::{make, starts_expression};
use super::targets::{expr_name, TargetKind};
use super::{line_of, Fail, PResult, Parser};
use crate::ast::{
    Alias, ClassDef, ExceptHandler, Expr, ExprContext, ExprKind, FunctionDef, Module, Operator,
    Stmt, StmtKind, TextRange, WithItem,
};
use crate::token::{Token, TokenKind};

pub(crate) fn stmt(range: TextRange, kind: StmtKind) -> Stmt {
    Stmt { range, kind }
}

fn augmented_operator(kind: TokenKind) -> Option<Operator> {
    use TokenKind::*;
    Some(match kind {
        PlusEqual => Operator::Add,
        MinEqual => Operator::Sub,
        StarEqual => Operator::Mult,
        AtEqual => Operator::MatMult,
        SlashEqual => Operator::Div,
        PercentEqual => Operator::Mod,
        AmperEqual => Operator::BitAnd,
        VBarEqual => Operator::BitOr,
        CircumflexEqual => Operator::BitXor,
        LeftShiftEqual => Operator::LShift,
        RightShiftEqual => Operator::RShift,
        DoubleStarEqual => Operator::Pow,
        DoubleSlashEqual => Operator::FloorDiv,
        _ => return Option::None,
    })
}

impl Parser<'_> {
    /// `file`: statements up to the end marker.
    pub(crate) fn file(&mut self) -> PResult<Module> {
        let mut body = Vec::new();
        while !self.at(TokenKind::EndOfFile) {
            self.statement(&mut body)?;
        }
        Ok(Module { body })
    }

    /// One statement line (or compound statement), appended to `out`.
    fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let token = self.peek();
        let compound = match token.kind {
            TokenKind::Def | TokenKind::At | TokenKind::Class => self.definition()?,
            TokenKind::If => self.if_statement()?,
            TokenKind::While => self.while_statement()?,
            TokenKind::For => self.for_statement(token.range.start, false)?,
            TokenKind::With => self.with_statement(token.range.start, false)?,
            TokenKind::Try => self.try_statement()?,
            TokenKind::Async => match self.peek_nth(1).kind {
                TokenKind::Def => self.definition()?,
                TokenKind::For => {
                    self.bump();
                    self.for_statement(token.range.start, true)?
                }
                TokenKind::With => {
                    self.bump();
                    self.with_statement(token.range.start, true)?
                }
                _ => return Err(Fail::Generic),
            },
            TokenKind::Name if self.text(token) == "match" => match self.match_statement()? {
                Some(statement) => statement,
                None => return self.simple_statements(out),
            },
            _ => return self.simple_statements(out),
        };
        out.push(compound);
        Ok(())
    }

    /// `simple_stmts`: simple statements separated by `;`, ending the line.
    pub(crate) fn simple_statements(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let statement = self.simple_statement()?;
            out.push(statement);
            if self.eat(TokenKind::Semi).is_none() || self.at(TokenKind::Newline) {
                break;
            }
        }
        self.expect(TokenKind::Newline)?;
        Ok(())
    }

    /// A block after a compound statement's `:`; `what` names the statement for
    /// the indentation error, and `line` is the line it names.
    pub(crate) fn block(&mut self, what: &str, line_at: u32) -> PResult<Vec<Stmt>> {
        if self.eat(TokenKind::Newline).is_none() {
            let mut body = Vec::new();
            self.simple_statements(&mut body)?;
            return Ok(body);
        }
        if self.eat(TokenKind::Indent).is_none() {
            let line = line_of(self.src, line_at);
            return Err(self.indentation_error_at_furthest(format!(
                "expected an indented block after {what} on line {line}"
            )));
        }
        let mut body = Vec::new();
        while !self.at(TokenKind::Dedent) {
            if self.at(TokenKind::EndOfFile) {
                return Err(Fail::Generic);
            }
            self.statement(&mut body)?;
        }
        self.bump();
        Ok(body)
    }

    /// `':'` after a compound statement header, where CPython says
    /// `expected ':'` only when the line ends instead.
    fn header_colon(&mut self) -> PResult<()> {
        if self.eat(TokenKind::Colon).is_some() {
            return Ok(());
        }
        if self.at(TokenKind::Newline) {
            return Err(self.error_at_furthest("expected ':'"));
        }
        Err(Fail::Generic)
    }

    /// A forced token (`&&':'` in the grammar): anything else is an error right here.
    fn forced(&mut self, kind: TokenKind, what: &str) -> PResult<Token> {
        if let Some(token) = self.eat(kind) {
            return Ok(token);
        }
        let at = self.peek().range;
        Err(self.error_at(at, format!("expected '{what}'")))
    }

    // ----- simple statements -----

    fn simple_statement(&mut self) -> PResult<Stmt> {
        let token = self.peek();
        let start = token.range.start;
        let kind = match token.kind {
            TokenKind::Pass => {
                self.bump();
                StmtKind::Pass
            }
            TokenKind::Break => {
                self.bump();
                StmtKind::Break
            }
            TokenKind::Continue => {
                self.bump();
                StmtKind::Continue
            }
            TokenKind::Return => {
                self.bump();
                let value = if starts_expression(self.peek_kind()) || self.at(TokenKind::Star) {
                    Some(self.star_expressions()?)
                } else {
                    None
                };
                StmtKind::Return { value }
            }
            TokenKind::Raise => {
                self.bump();
                if starts_expression(self.peek_kind()) {
                    let exc = self.expression()?;
                    let cause = if self.eat(TokenKind::From).is_some() {
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    StmtKind::Raise {
                        exc: Some(exc),
                        cause,
                    }
                } else {
                    StmtKind::Raise {
                        exc: None,
                        cause: None,
                    }
                }
            }
            TokenKind::Global | TokenKind::Nonlocal => {
                self.bump();
                let mut names = Vec::new();
                loop {
                    let name = self.expect(TokenKind::Name)?;
                    names.push(super::literal::identifier(self.text(name)));
                    if self.eat(TokenKind::Comma).is_none() {
                        break;
                    }
                }
                if token.kind == TokenKind::Global {
                    StmtKind::Global { names }
                } else {
                    StmtKind::Nonlocal { names }
                }
            }
            TokenKind::Del => self.del_statement()?,
            TokenKind::Assert => {
                self.bump();
                let test = self.expression()?;
                let msg = if self.eat(TokenKind::Comma).is_some() {
                    Some(self.expression()?)
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            TokenKind::Import => self.import_statement()?,
            TokenKind::From => self.import_from_statement()?,
            _ => return self.expression_statement(),
        };
        Ok(stmt(self.range_from(start), kind))
    }

    fn del_statement(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut targets = Vec::new();
        loop {
            let target = self.star_expression()?;
            targets.push(self.checked_target(target, TargetKind::Del)?);
            if self.eat(TokenKind::Comma).is_none() {
                break;
            }
            let next = self.peek_kind();
            if !(starts_expression(next) || next == TokenKind::Star) {
                break;
            }
        }
        if !matches!(self.peek_kind(), TokenKind::Semi | TokenKind::Newline) {
            return Err(Fail::Generic);
        }
        Ok(StmtKind::Delete { targets })
    }

    /// A dotted module name `a.b.c`, as one identifier.
    fn dotted_name(&mut self) -> PResult<String> {
        let first = self.expect(TokenKind::Name)?;
        let mut name = super::literal::identifier(self.text(first)).into_string();
        while self.at(TokenKind::Dot) && self.peek_nth(1).kind == TokenKind::Name {
            self.bump();
            let part = self.bump();
            name.push('.');
            name.push_str(&super::literal::identifier(self.text(part)));
        }
        Ok(name)
    }

    fn alias_tail(&mut self, start: u32, name: String) -> PResult<Alias> {
        let asname = if self.eat(TokenKind::As).is_some() {
            let token = self.expect(TokenKind::Name)?;
            Some(super::literal::identifier(self.text(token)))
        } else {
            None
        };
        Ok(Alias {
            range: self.range_from(start),
            name: name.into_boxed_str(),
            asname,
        })
    }

    fn import_statement(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut names = Vec::new();
        loop {
            let start = self.start();
            let name = self.dotted_name()?;
            names.push(self.alias_tail(start, name)?);
            if self.eat(TokenKind::Comma).is_none() {
                break;
            }
        }
        Ok(StmtKind::Import { names })
    }

    fn import_from_statement(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut level = 0;
        loop {
            match self.peek_kind() {
                TokenKind::Dot => level += 1,
                TokenKind::Ellipsis => level += 3,
                _ => break,
            }
            self.bump();
        }
        let module = if level == 0 || self.at(TokenKind::Name) {
            Some(self.dotted_name()?.into_boxed_str())
        } else {
            None
        };
        self.expect(TokenKind::Import)?;
        let mut names = Vec::new();
        if let Some(star) = self.eat(TokenKind::Star) {
            names.push(Alias {
                range: star.range,
                name: "*".into(),
                asname: None,
            });
        } else if self.eat(TokenKind::LPar).is_some() {
            self.bracket_level += 1;
            loop {
                let start = self.start();
                let name = self.expect(TokenKind::Name)?;
                let name = super::literal::identifier(self.text(name)).into_string();
                names.push(self.alias_tail(start, name)?);
                if self.eat(TokenKind::Comma).is_none() || self.at(TokenKind::RPar) {
                    break;
                }
            }
            self.expect(TokenKind::RPar)?;
            self.bracket_level -= 1;
        } else {
            loop {
                let start = self.start();
                let name = self.expect(TokenKind::Name)?;
                let name = super::literal::identifier(self.text(name)).into_string();
                names.push(self.alias_tail(start, name)?);
                if self.eat(TokenKind::Comma).is_none() {
                    break;
                }
                if self.at(TokenKind::Newline) {
                    return Err(self.error_at_furthest(
                        "trailing comma not allowed without surrounding parentheses",
                    ));
                }
            }
        }
        Ok(StmtKind::ImportFrom {
            module,
            names,
            level,
        })
    }

    /// Expression statements and every kind of assignment.
    fn expression_statement(&mut self) -> PResult<Stmt> {
        let first_token = self.peek();
        let start = first_token.range.start;
        let mark = self.mark();
        let first = self.yield_or_star_expressions()?;
        let next = self.peek();
        if next.kind == TokenKind::Colon {
            return self.annotated_assignment(start, first_token, first);
        }
        if next.kind == TokenKind::Equal {
            return self.assignment(start, mark, first);
        }
        if let Some(op) = augmented_operator(next.kind) {
            if !matches!(
                first.kind,
                ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
            ) {
                return Err(self.error_at(
                    first.range,
                    format!(
                        "'{}' is an illegal expression for augmented assignment",
                        expr_name(&first)
                    ),
                ));
            }
            self.bump();
            let value = self.yield_or_star_expressions()?;
            let target = self.checked_target(first, TargetKind::Star)?;
            return Ok(stmt(
                self.range_from(start),
                StmtKind::AugAssign { target, op, value },
            ));
        }
        if matches!(first.kind, ExprKind::Tuple { .. })
            && first_token.kind != TokenKind::LPar
            && next.kind == TokenKind::Name
        {
            if let Some(error) = self.name_assignment_in_tuple() {
                return Err(error);
            }
        }
        Ok(stmt(
            self.range_from(start),
            StmtKind::Expr { value: first },
        ))
    }

    /// `a, b c = d`: CPython's error pass reads `c = d` as a named expression
    /// and suggests `==` or `:=` (`invalid_named_expression`).
    fn name_assignment_in_tuple(&mut self) -> Option<Fail> {
        if self.peek_nth(1).kind != TokenKind::Equal {
            return None;
        }
        let snapshot = self.snapshot();
        let name = self.bump();
        self.bump();
        let found = match self.without_invalid(|p| p.bitwise_or()) {
            Ok(value) if !matches!(self.peek_kind(), TokenKind::Equal | TokenKind::ColonEqual) => {
                Some(self.error_at(
                    TextRange::new(name.range.start, value.range.end),
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                ))
            }
            _ => None,
        };
        self.restore_error_pass(snapshot);
        found
    }

    fn annotated_assignment(
        &mut self,
        start: u32,
        first_token: Token,
        target: Expr,
    ) -> PResult<Stmt> {
        let simple = first_token.kind == TokenKind::Name
            && matches!(target.kind, ExprKind::Name { .. })
            && target.range.start == first_token.range.start;
        self.bump();
        // Every rule here, valid or not, needs an annotation after the colon;
        // without one the error is the generic one.
        let annotation = self.expression()?;
        match &target.kind {
            ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
            ExprKind::Tuple { elts, .. } => {
                let at = if target.range.start == first_token.range.start
                    && first_token.kind != TokenKind::LPar
                {
                    elts.first().map_or(target.range, |e| e.range)
                } else {
                    target.range
                };
                return Err(self.error_at(at, "only single target (not tuple) can be annotated"));
            }
            ExprKind::List { .. } => {
                return Err(self.error_at(
                    target.range,
                    "only single target (not list) can be annotated",
                ));
            }
            _ => return Err(self.error_at(target.range, "illegal target for annotation")),
        }
        let value = if self.eat(TokenKind::Equal).is_some() {
            Some(self.yield_or_star_expressions()?)
        } else {
            None
        };
        let target = self.checked_target(target, TargetKind::Star)?;
        Ok(stmt(
            self.range_from(start),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            },
        ))
    }

    fn assignment(&mut self, start: u32, mark: usize, first: Expr) -> PResult<Stmt> {
        let mut targets = vec![first];
        let mut value;
        loop {
            self.bump();
            value = match self.yield_or_star_expressions() {
                Ok(value) => value,
                Err(Fail::Generic) => return Err(self.invalid_assignment_target(&targets)),
                Err(error) => return Err(error),
            };
            if !self.at(TokenKind::Equal) {
                break;
            }
            targets.push(value);
        }
        let count = targets.len();
        let mut checked = Vec::with_capacity(count);
        for (index, target) in targets.into_iter().enumerate() {
            // `(yield) = 1` is a group, which gets the "Maybe you meant" message.
            let grouped = index == 0 && self.token_kind_at(mark) == TokenKind::LPar;
            if !grouped
                && matches!(
                    target.kind,
                    ExprKind::Yield { .. } | ExprKind::YieldFrom { .. }
                )
            {
                return Err(
                    self.error_at(target.range, "assignment to yield expression not possible")
                );
            }
            if index == 0
                && count == 1
                && super::targets::invalid_target(&target, TargetKind::Star).is_some()
            {
                if let Some(error) = self.assignment_typo(mark, &target, &value) {
                    return Err(error);
                }
            }
            checked.push(self.checked_target(target, TargetKind::Star)?);
        }
        Ok(stmt(
            self.range_from(start),
            StmtKind::Assign {
                targets: checked,
                value,
            },
        ))
    }

    /// The right-hand side of `targets =` did not parse: CPython still reports
    /// the first target that cannot be assigned to, if any.
    fn invalid_assignment_target(&self, targets: &[Expr]) -> Fail {
        for target in targets {
            if matches!(
                target.kind,
                ExprKind::Yield { .. } | ExprKind::YieldFrom { .. }
            ) {
                return self.error_at(target.range, "assignment to yield expression not possible");
            }
            if let Some(bad) = super::targets::invalid_target(target, TargetKind::Star) {
                return self.error_at(bad.range, format!("cannot assign to {}", expr_name(bad)));
            }
        }
        Fail::Generic
    }

    /// `f() = 1`: CPython suggests `==` when a lone invalid target is assigned a
    /// `bitwise_or` value.
    fn assignment_typo(&mut self, mark: usize, target: &Expr, value: &Expr) -> Option<Fail> {
        let first = self.tokens.get(mark).copied()?;
        let grouped = target.range.start != first.range.start;
        if matches!(target.kind, ExprKind::Tuple { .. }) && !grouped {
            return None;
        }
        if !grouped && !super::errors::is_bitwise_or_level(target) {
            return None;
        }
        if !super::errors::is_bitwise_or_level(value)
            || matches!(value.kind, ExprKind::Yield { .. })
        {
            return None;
        }
        if self.starts_with_display(mark, first) {
            return None;
        }
        Some(self.error_at(
            target.range,
            format!(
                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                expr_name(target)
            ),
        ))
    }

    // ----- compound statements -----

    /// Decorators followed by a function or class definition.
    fn definition(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat(TokenKind::At).is_some() {
            decorators.push(self.named_expression()?);
            self.expect(TokenKind::Newline)?;
        }
        match self.peek_kind() {
            TokenKind::Class => self.class_definition(decorators),
            TokenKind::Def => self.function_definition(decorators, false),
            TokenKind::Async if self.peek_nth(1).kind == TokenKind::Def => {
                self.function_definition(decorators, true)
            }
            _ => Err(Fail::Generic),
        }
    }

    fn function_definition(&mut self, decorator_list: Vec<Expr>, is_async: bool) -> PResult<Stmt> {
        let start = self.start();
        if is_async {
            self.bump();
        }
        let def = self.expect(TokenKind::Def)?;
        let name = self.expect(TokenKind::Name)?;
        self.forced(TokenKind::LPar, "(")?;
        self.bracket_level += 1;
        let args = self.parameters(true, TokenKind::RPar)?;
        self.expect(TokenKind::RPar)?;
        self.bracket_level -= 1;
        let returns = self.return_annotation()?;
        self.forced(TokenKind::Colon, ":")?;
        let body = self.block("function definition", def.range.start)?;
        Ok(stmt(
            self.range_from(start),
            StmtKind::FunctionDef(Box::new(FunctionDef {
                is_async,
                name: super::literal::identifier(self.text(name)),
                args,
                body,
                decorator_list,
                returns,
            })),
        ))
    }

    /// `['->' expression]`: when no expression follows the arrow, the
    /// grammar's forced `':'` fails at the arrow.
    fn return_annotation(&mut self) -> PResult<Option<Expr>> {
        let Some(arrow) = self.eat(TokenKind::RArrow) else {
            return Ok(None);
        };
        match self.expression() {
            Ok(annotation) => Ok(Some(annotation)),
            Err(Fail::Generic) => Err(self.error_at(arrow.range, "expected ':'")),
            Err(error) => Err(error),
        }
    }

    fn class_definition(&mut self, decorator_list: Vec<Expr>) -> PResult<Stmt> {
        let class = self.bump();
        let name = self.expect(TokenKind::Name)?;
        let arguments = self.class_arguments()?;
        self.header_colon()?;
        let body = self.block("class definition", class.range.start)?;
        Ok(stmt(
            self.range_from(class.range.start),
            StmtKind::ClassDef(Box::new(ClassDef {
                name: super::literal::identifier(self.text(name)),
                bases: arguments.args,
                keywords: arguments.keywords,
                body,
                decorator_list,
            })),
        ))
    }

    fn if_statement(&mut self) -> PResult<Stmt> {
        let keyword = self.bump();
        let test = self.named_expression()?;
        self.header_colon()?;
        let what = if keyword.kind == TokenKind::If {
            "'if' statement"
        } else {
            "'elif' statement"
        };
        let body = self.block(what, test.range.start)?;
        let orelse = self.else_or_elif()?;
        Ok(stmt(
            self.range_from(keyword.range.start),
            StmtKind::If { test, body, orelse },
        ))
    }

    /// An optional `elif` chain or `else` block.
    fn else_or_elif(&mut self) -> PResult<Vec<Stmt>> {
        if self.at(TokenKind::Elif) {
            // Each `elif` nests one `If` deeper in the tree.
            self.enter(1)?;
            let nested = self.if_statement();
            self.leave(1);
            return Ok(vec![nested?]);
        }
        self.optional_else()
    }

    fn optional_else(&mut self) -> PResult<Vec<Stmt>> {
        let Some(keyword) = self.eat(TokenKind::Else) else {
            return Ok(Vec::new());
        };
        self.forced(TokenKind::Colon, ":")?;
        self.block("'else' statement", keyword.range.start)
    }

    fn while_statement(&mut self) -> PResult<Stmt> {
        let keyword = self.bump();
        let test = self.named_expression()?;
        self.header_colon()?;
        let body = self.block("'while' statement", keyword.range.start)?;
        let orelse = self.optional_else()?;
        Ok(stmt(
            self.range_from(keyword.range.start),
            StmtKind::While { test, body, orelse },
        ))
    }

    fn for_statement(&mut self, start: u32, is_async: bool) -> PResult<Stmt> {
        let keyword = self.expect(TokenKind::For)?;
        let target = self.star_targets(TargetKind::For)?;
        self.expect(TokenKind::In)?;
        let iter = self.star_expressions()?;
        self.header_colon()?;
        let body = self.block("'for' statement", keyword.range.start)?;
        let orelse = self.optional_else()?;
        Ok(stmt(
            self.range_from(start),
            StmtKind::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            },
        ))
    }

    fn with_statement(&mut self, start: u32, is_async: bool) -> PResult<Stmt> {
        let keyword = self.expect(TokenKind::With)?;
        let items = match self.parenthesized_with_items()? {
            Some(items) => items,
            None => {
                let mut items = Vec::new();
                loop {
                    items.push(self.with_item()?);
                    if self.eat(TokenKind::Comma).is_none() {
                        break;
                    }
                }
                self.header_colon()?;
                items
            }
        };
        let body = self.block("'with' statement", keyword.range.start)?;
        Ok(stmt(
            self.range_from(start),
            StmtKind::With {
                is_async,
                items,
                body,
            },
        ))
    }

    /// `with (a as b, c):` — tried first, as CPython does; `None` when the
    /// parentheses turn out to belong to an expression.
    fn parenthesized_with_items(&mut self) -> PResult<Option<Vec<WithItem>>> {
        if !self.at(TokenKind::LPar) {
            return Ok(None);
        }
        let snapshot = self.snapshot();
        self.bump();
        self.bracket_level += 1;
        let mut items = Vec::new();
        let parsed: PResult<()> = (|| {
            loop {
                items.push(self.with_item()?);
                if self.eat(TokenKind::Comma).is_none() || self.at(TokenKind::RPar) {
                    break;
                }
            }
            self.expect(TokenKind::RPar)?;
            self.expect(TokenKind::Colon)?;
            Ok(())
        })();
        match parsed {
            Ok(()) => {
                self.bracket_level -= 1;
                Ok(Some(items))
            }
            Err(_) => {
                self.restore(snapshot);
                Ok(None)
            }
        }
    }

    fn with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.expression()?;
        let optional_vars = if self.eat(TokenKind::As).is_some() {
            let target = self.single_star_target()?;
            if !matches!(
                self.peek_kind(),
                TokenKind::Comma | TokenKind::RPar | TokenKind::Colon | TokenKind::Newline
            ) {
                return Err(Fail::Generic);
            }
            Some(target)
        } else {
            None
        };
        Ok(WithItem {
            context_expr,
            optional_vars,
        })
    }

    fn try_statement(&mut self) -> PResult<Stmt> {
        let keyword = self.bump();
        self.forced(TokenKind::Colon, ":")?;
        let body = self.block("'try' statement", keyword.range.start)?;
        let mut handlers = Vec::new();
        let mut is_star = None;
        while self.at(TokenKind::Except) {
            let star = self.peek_nth(1).kind == TokenKind::Star;
            match is_star {
                None => is_star = Some(star),
                Some(previous) if previous != star => {
                    let except = self.peek();
                    let range = if star {
                        TextRange::new(except.range.start, self.peek_nth(1).range.end)
                    } else {
                        except.range
                    };
                    return Err(self.error_at(
                        range,
                        "cannot have both 'except' and 'except*' on the same 'try'",
                    ));
                }
                Some(_) => {}
            }
            handlers.push(self.except_handler(star)?);
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.optional_else()?
        };
        let finalbody = if let Some(finally) = self.eat(TokenKind::Finally) {
            self.forced(TokenKind::Colon, ":")?;
            self.block("'finally' statement", finally.range.start)?
        } else {
            Vec::new()
        };
        if handlers.is_empty() && finalbody.is_empty() {
            return Err(self.error_at_furthest("expected 'except' or 'finally' block"));
        }
        Ok(stmt(
            self.range_from(keyword.range.start),
            StmtKind::Try {
                is_star: is_star.unwrap_or(false),
                body,
                handlers,
                orelse,
                finalbody,
            },
        ))
    }

    fn except_handler(&mut self, star: bool) -> PResult<ExceptHandler> {
        let keyword = self.bump();
        if star {
            self.bump();
            if matches!(self.peek_kind(), TokenKind::Newline | TokenKind::Colon) {
                return Err(self.error_at_furthest("expected one or more exception types"));
            }
        }
        let (type_, name) = if self.at(TokenKind::Colon) {
            (None, None)
        } else {
            let type_ = self.expression()?;
            if self.at(TokenKind::Comma) {
                return Err(self.error_at(
                    TextRange::new(type_.range.start, type_.range.start),
                    "multiple exception types must be parenthesized",
                ));
            }
            let name = if self.eat(TokenKind::As).is_some() {
                let token = self.expect(TokenKind::Name)?;
                Some(super::literal::identifier(self.text(token)))
            } else {
                None
            };
            (Some(type_), name)
        };
        self.header_colon()?;
        let what = if star {
            "'except*' statement"
        } else {
            "'except' statement"
        };
        let body = self.block(what, keyword.range.start)?;
        Ok(ExceptHandler {
            range: self.range_from(keyword.range.start),
            type_,
            name,
            body,
        })
    }

    /// `match subject:` with its cases, or `None` when the `match` at the start of
    /// this statement is an ordinary name.
    fn match_statement(&mut self) -> PResult<Option<Stmt>> {
        let snapshot = self.snapshot();
        let keyword = self.bump();
        let subject = match self.match_subject() {
            Ok(subject) if self.at(TokenKind::Colon) => subject,
            Ok(_) if self.at(TokenKind::Newline) => {
                // `match x` alone may still be an expression statement; only if it
                // is not does CPython ask for the colon.
                let colon_error = self.error_at_furthest("expected ':'");
                self.restore(snapshot);
                let probe = self.snapshot();
                let mut scratch = Vec::new();
                if self.simple_statements(&mut scratch).is_ok() {
                    self.restore(probe);
                    return Ok(None);
                }
                self.restore(probe);
                return Err(colon_error);
            }
            _ => {
                self.restore(snapshot);
                return Ok(None);
            }
        };
        self.bump();
        if self.eat(TokenKind::Newline).is_none() {
            return Err(Fail::Generic);
        }
        if self.eat(TokenKind::Indent).is_none() {
            let line = line_of(self.src, keyword.range.start);
            return Err(self.indentation_error_at_furthest(format!(
                "expected an indented block after 'match' statement on line {line}"
            )));
        }
        let mut cases = Vec::new();
        while !self.at(TokenKind::Dedent) {
            if !self.at_soft_keyword("case") {
                return Err(Fail::Generic);
            }
            cases.push(self.case_block()?);
        }
        self.bump();
        Ok(Some(stmt(
            self.range_from(keyword.range.start),
            StmtKind::Match { subject, cases },
        )))
    }

    /// `subject_expr`: `star_named_expression ',' star_named_expressions?` or a
    /// named expression.
    fn match_subject(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_named_expression()?;
        if !self.at(TokenKind::Comma) {
            if matches!(first.kind, ExprKind::Starred { .. }) {
                return Err(Fail::Generic);
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(TokenKind::Comma).is_some() {
            let next = self.peek_kind();
            if !(starts_expression(next) || next == TokenKind::Star) {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        Ok(make(
            self.range_from(start),
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
        ))
    }
}
