//! The first pass over expressions: names, lambdas, comprehensions and walrus.
//!
//! A comprehension's first iterable is evaluated in the enclosing block (and
//! its value passed in as the implicit parameter `.0`); everything else lives
//! in the comprehension's own function block. A walrus target inside a
//! comprehension binds in the nearest enclosing function or module instead.

use super::block::{BlockId, BlockKind, ComprehensionKind};
use super::builder::{error, Builder, VisitResult};
use super::symbol::SymbolFlags;
use crate::ast::{Arguments, Comprehension, Expr, ExprContext, ExprKind, Keyword};

impl Builder<'_> {
    pub fn visit_exprs(&mut self, exprs: &[Expr]) -> VisitResult {
        exprs.iter().try_for_each(|e| self.visit_expr(e))
    }

    pub fn visit_expr(&mut self, expr: &Expr) -> VisitResult {
        self.descend(expr.range)?;
        // Deep (but valid) nesting must not overflow a small thread stack.
        stacker::maybe_grow(64 * 1024, 2 * 1024 * 1024, || self.visit_expr_kind(expr))?;
        self.ascend();
        Ok(())
    }

    /// Dispatches on the node. Every arm is a single call: this function is on
    /// the recursive path, and in debug builds each extra temporary of every
    /// arm would enlarge the frame of every nesting level.
    fn visit_expr_kind(&mut self, expr: &Expr) -> VisitResult {
        match &expr.kind {
            ExprKind::NamedExpr { target, value } => self.visit_named_expr(expr, target, value),
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values),
            ExprKind::BinOp { left, right, .. } => self.visit_both(left, right),
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand),
            ExprKind::Lambda { args, body } => self.visit_lambda(expr, args, body),
            ExprKind::IfExp { test, body, orelse } => self.visit_if_exp(test, body, orelse),
            ExprKind::Dict { keys, values } => self.visit_dict(keys, values),
            ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
                self.visit_exprs(elts)
            }
            ExprKind::ListComp { elt, generators } => {
                self.visit_comprehension(expr, ComprehensionKind::List, generators, elt, None)
            }
            ExprKind::SetComp { elt, generators } => {
                self.visit_comprehension(expr, ComprehensionKind::Set, generators, elt, None)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.visit_comprehension(expr, ComprehensionKind::Generator, generators, elt, None)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.visit_comprehension(
                expr,
                ComprehensionKind::Dict,
                generators,
                key,
                Some(value),
            ),
            ExprKind::Yield { value } => self.visit_yield(expr, value.as_deref()),
            ExprKind::YieldFrom { value } => self.visit_yield(expr, Some(value)),
            ExprKind::Await { value } => self.visit_await(expr, value),
            ExprKind::Compare {
                left, comparators, ..
            } => self.visit_compare(left, comparators),
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.visit_call(func, args, keywords),
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => self.visit_optionals(&[Some(value), format_spec.as_deref()]),
            ExprKind::JoinedStr { values } => self.visit_exprs(values),
            ExprKind::Constant { .. } => Ok(()),
            ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => {
                self.visit_expr(value)
            }
            ExprKind::Subscript { value, slice, .. } => self.visit_both(value, slice),
            ExprKind::Slice { lower, upper, step } => {
                self.visit_optionals(&[lower.as_deref(), upper.as_deref(), step.as_deref()])
            }
            ExprKind::Name { id, ctx } => self.visit_name(expr, id, *ctx),
        }
    }

    fn visit_both(&mut self, first: &Expr, second: &Expr) -> VisitResult {
        self.visit_expr(first)?;
        self.visit_expr(second)
    }

    fn visit_optionals(&mut self, exprs: &[Option<&Expr>]) -> VisitResult {
        exprs.iter().flatten().try_for_each(|e| self.visit_expr(e))
    }

    fn visit_lambda(&mut self, expr: &Expr, args: &Arguments, body: &Expr) -> VisitResult {
        self.visit_defaults(args)?;
        self.enter_block(BlockKind::Function, "lambda", expr.range);
        self.visit_parameters(args)?;
        self.visit_expr(body)?;
        self.exit_block();
        Ok(())
    }

    fn visit_if_exp(&mut self, test: &Expr, body: &Expr, orelse: &Expr) -> VisitResult {
        self.visit_expr(test)?;
        self.visit_expr(body)?;
        self.visit_expr(orelse)
    }

    /// All keys first, then all values, as CPython does.
    fn visit_dict(&mut self, keys: &[Option<Expr>], values: &[Expr]) -> VisitResult {
        keys.iter().flatten().try_for_each(|k| self.visit_expr(k))?;
        self.visit_exprs(values)
    }

    fn visit_yield(&mut self, expr: &Expr, value: Option<&Expr>) -> VisitResult {
        self.forbid_in_annotation("yield expression", expr)?;
        if let Some(value) = value {
            self.visit_expr(value)?;
        }
        self.mark_generator(expr)
    }

    fn visit_await(&mut self, expr: &Expr, value: &Expr) -> VisitResult {
        self.forbid_in_annotation("await expression", expr)?;
        self.visit_expr(value)?;
        self.cur_mut().is_coroutine = true;
        Ok(())
    }

    fn visit_compare(&mut self, left: &Expr, comparators: &[Expr]) -> VisitResult {
        self.visit_expr(left)?;
        self.visit_exprs(comparators)
    }

    fn visit_call(&mut self, func: &Expr, args: &[Expr], keywords: &[Keyword]) -> VisitResult {
        self.visit_expr(func)?;
        self.visit_exprs(args)?;
        keywords.iter().try_for_each(|k| self.visit_expr(&k.value))
    }

    fn visit_name(&mut self, expr: &Expr, id: &str, ctx: ExprContext) -> VisitResult {
        let flag = match ctx {
            ExprContext::Load => SymbolFlags::USE,
            ExprContext::Store | ExprContext::Del => SymbolFlags::LOCAL,
        };
        self.add_def(id, flag, expr.range)?;
        // A bare `super` in a function needs the class cell: treat it as a use
        // of `__class__`.
        if ctx == ExprContext::Load && self.cur().kind == BlockKind::Function && id == "super" {
            self.add_def("__class__", SymbolFlags::USE, expr.range)?;
        }
        Ok(())
    }

    fn mark_generator(&mut self, expr: &Expr) -> VisitResult {
        let block = self.cur_mut();
        block.is_generator = true;
        match block.comprehension {
            Some(kind) => Err(error(
                format!("'yield' inside {}", kind.description()),
                expr.range,
            )),
            None => Ok(()),
        }
    }

    /// Under `from __future__ import annotations`, annotations must stay
    /// side-effect free: no walrus, `yield` or `await` directly in them.
    fn forbid_in_annotation(&self, what: &str, expr: &Expr) -> VisitResult {
        if self.cur().kind == BlockKind::Annotation {
            return Err(error(
                format!("'{what}' can not be used within an annotation"),
                expr.range,
            ));
        }
        Ok(())
    }

    /// A comprehension: the first iterable here, the rest in a new block.
    fn visit_comprehension(
        &mut self,
        expr: &Expr,
        kind: ComprehensionKind,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> VisitResult {
        let Some((outermost, rest)) = generators.split_first() else {
            return Ok(());
        };
        self.walk_state().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.walk_state().comp_iter_expr -= 1;

        self.enter_block(BlockKind::Function, kind.block_name(), expr.range);
        let block = self.cur_mut();
        block.comprehension = Some(kind);
        if outermost.is_async {
            block.is_coroutine = true;
        }
        // The outermost iterator arrives as the implicit parameter `.0`.
        self.add_def(".0", SymbolFlags::PARAM, expr.range)?;
        self.visit_comprehension_target(&outermost.target)?;
        self.visit_exprs(&outermost.ifs)?;
        for generator in rest {
            self.visit_comprehension_target(&generator.target)?;
            self.walk_state().comp_iter_expr += 1;
            self.visit_expr(&generator.iter)?;
            self.walk_state().comp_iter_expr -= 1;
            self.visit_exprs(&generator.ifs)?;
            if generator.is_async {
                self.cur_mut().is_coroutine = true;
            }
        }
        if let Some(value) = value {
            self.visit_expr(value)?;
        }
        self.visit_expr(elt)?;
        let is_generator = kind == ComprehensionKind::Generator;
        let block = self.cur_mut();
        block.is_generator = is_generator;
        let is_async = block.is_coroutine && !is_generator;
        self.exit_block();
        if is_async {
            // Awaiting inside a list/set/dict comprehension makes the
            // enclosing function a coroutine too.
            self.cur_mut().is_coroutine = true;
        }
        Ok(())
    }

    fn visit_comprehension_target(&mut self, target: &Expr) -> VisitResult {
        self.walk_state().comp_iter_target = true;
        let result = self.visit_expr(target);
        self.walk_state().comp_iter_target = false;
        result
    }

    fn visit_named_expr(&mut self, expr: &Expr, target: &Expr, value: &Expr) -> VisitResult {
        self.forbid_in_annotation("named expression", expr)?;
        if self.walk[self.current().index()].comp_iter_expr > 0 {
            return Err(error(
                "assignment expression cannot be used in a comprehension iterable expression",
                expr.range,
            ));
        }
        if self.cur().comprehension.is_some() {
            if let ExprKind::Name { id, .. } = &target.kind {
                self.bind_walrus_outside(target, id)?;
            }
        }
        self.visit_expr(value)?;
        self.visit_expr(target)
    }

    /// A walrus target in a comprehension binds in the nearest enclosing
    /// function (as if declared `nonlocal`, or `global` if that function says
    /// so) or in the module (as if declared `global`); never in a class.
    fn bind_walrus_outside(&mut self, target: &Expr, name: &str) -> VisitResult {
        let range = target.range;
        let open: Vec<BlockId> = self.stack.iter().rev().copied().collect();
        for id in open {
            let block = self.block(id);
            if block.comprehension.is_some() {
                if block.flags_of(name).intersects(SymbolFlags::COMP_ITER) {
                    return Err(error(
                        format!(
                            "assignment expression cannot rebind comprehension iteration variable '{name}'"
                        ),
                        range,
                    ));
                }
                continue;
            }
            match block.kind {
                BlockKind::Function => {
                    let declared = if block.flags_of(name).intersects(SymbolFlags::GLOBAL) {
                        SymbolFlags::GLOBAL
                    } else {
                        SymbolFlags::NONLOCAL
                    };
                    self.add_def(name, declared, range)?;
                    self.record_directive(name, range);
                    return self.add_def_in(id, name, SymbolFlags::LOCAL, range);
                }
                BlockKind::Module => {
                    self.add_def(name, SymbolFlags::GLOBAL, range)?;
                    self.record_directive(name, range);
                    return self.add_def_in(id, name, SymbolFlags::GLOBAL, range);
                }
                BlockKind::Class => {
                    return Err(error(
                        "assignment expression within a comprehension cannot be used in a class body",
                        range,
                    ));
                }
                BlockKind::Annotation => continue,
            }
        }
        Ok(())
    }
}
