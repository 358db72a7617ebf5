//! Assignment, `for`, `with` and `del` targets: parsing them and checking them.
//!
//! Targets are parsed as ordinary expressions (at `bitwise_or` precedence, so the
//! `in` of `for x in y` is left alone) and then validated and switched to the
//! `Store` or `Del` context, which gives CPython's `cannot assign to ...`
//! messages for free.

use super::expression::{make, starts_expression};
use super::{PResult, Parser};
use crate::ast::{Constant, Expr, ExprContext, ExprKind};
use crate::token::TokenKind;

/// Which statement the targets belong to (CPython's `TARGETS_TYPE`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TargetKind {
    /// Assignment and `with ... as` targets.
    Star,
    /// `for` loop and comprehension targets.
    For,
    /// `del` targets.
    Del,
}

/// The noun CPython uses for an expression in error messages
/// (`_PyPegen_get_expr_name`).
pub(crate) fn expr_name(expr: &Expr) -> &'static str {
    match &expr.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first sub-expression that cannot be a target (`_PyPegen_get_invalid_target`).
pub(crate) fn invalid_target(expr: &Expr, kind: TargetKind) -> Option<&Expr> {
    match &expr.kind {
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().find_map(|e| invalid_target(e, kind))
        }
        ExprKind::Starred { value, .. } => {
            if kind == TargetKind::Del {
                Some(expr)
            } else {
                invalid_target(value, kind)
            }
        }
        ExprKind::Compare { left, ops, .. } if kind == TargetKind::For => {
            if ops.first() == Some(&crate::ast::CmpOp::In) {
                invalid_target(left, kind)
            } else {
                None
            }
        }
        ExprKind::Name { .. } | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(expr),
    }
}

/// Sets the context of a valid target and of the names it unpacks into.
pub(crate) fn set_context(expr: &mut Expr, new_ctx: ExprContext) {
    match &mut expr.kind {
        ExprKind::Name { ctx, .. }
        | ExprKind::Attribute { ctx, .. }
        | ExprKind::Subscript { ctx, .. } => *ctx = new_ctx,
        ExprKind::Starred { value, ctx } => {
            *ctx = new_ctx;
            set_context(value, new_ctx);
        }
        ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => {
            *ctx = new_ctx;
            for elt in elts {
                set_context(elt, new_ctx);
            }
        }
        _ => {}
    }
}

impl Parser<'_> {
    /// Checks `expr` as a target of `kind` and switches it to its context, or
    /// raises CPython's `cannot assign to ...` / `cannot delete ...`.
    pub(crate) fn checked_target(&self, mut expr: Expr, kind: TargetKind) -> PResult<Expr> {
        if let Some(bad) = invalid_target(&expr, kind) {
            let verb = if kind == TargetKind::Del {
                "cannot delete"
            } else {
                "cannot assign to"
            };
            return Err(self.error_at(bad.range, format!("{verb} {}", expr_name(bad))));
        }
        // A `for` target never reaches here as a comparison: it is parsed below
        // comparison precedence.
        let ctx = if kind == TargetKind::Del {
            ExprContext::Del
        } else {
            ExprContext::Store
        };
        set_context(&mut expr, ctx);
        Ok(expr)
    }

    /// `star_targets`: a comma-separated list of (possibly starred) targets, a
    /// tuple when there is a comma.
    pub(crate) fn star_targets(&mut self, kind: TargetKind) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_target_item()?;
        if !self.at(TokenKind::Comma) {
            return self.checked_target(first, kind);
        }
        let mut elts = vec![first];
        while self.eat(TokenKind::Comma).is_some() {
            let next = self.peek_kind();
            if !(starts_expression(next) || next == TokenKind::Star) {
                break;
            }
            elts.push(self.star_target_item()?);
        }
        let tuple = make(
            self.range_from(start),
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
        );
        self.checked_target(tuple, kind)
    }

    /// One target, unchecked: `'*' target` or a `bitwise_or` expression.
    fn star_target_item(&mut self) -> PResult<Expr> {
        if self.at(TokenKind::Star) {
            self.enter(1)?;
            let result = self.starred(|p| p.star_target_item());
            self.leave(1);
            return result;
        }
        self.bitwise_or()
    }

    /// `star_target`: a single target (the `as` target of `with`).
    pub(crate) fn single_star_target(&mut self) -> PResult<Expr> {
        let expr = self.star_target_item()?;
        self.checked_target(expr, TargetKind::Star)
    }
}
