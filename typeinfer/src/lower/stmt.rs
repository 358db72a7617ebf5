//! Lowering statements: assignments, control flow, loops over `range`.

use super::{FnLowering, NameRef};
use crate::error::{Result, Unsupported};
use crate::ir::{Const, ExcClass, InstKind, Operand, Terminator};
use crate::lower::function::LoopTargets;
use frontend::ast::{Expr, ExprKind, Stmt, StmtKind, TextRange};

impl FnLowering<'_> {
    pub(super) fn stmt(&mut self, s: &Stmt) -> Result<()> {
        match &s.kind {
            StmtKind::Expr { value } => {
                self.expr(value)?;
            }
            StmtKind::Pass | StmtKind::Global { .. } => {}
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } if self.is_module => {
                // Resolved statically before lowering (`collect_imports`); the
                // statement only marks the names bound (`import_flags`).
                for alias in names {
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    if let Some(&global) = self.cx.import_flags.get(bound) {
                        let src = Operand::Const(Const::Bool(true));
                        self.fb
                            .emit(InstKind::StoreGlobal { global, src }, alias.range);
                    }
                }
            }
            StmtKind::FunctionDef(def) if self.is_module => {
                // Module-level functions are called directly; the `def` only
                // marks the point from which the name is bound (NameError before).
                if let Some(&func) = self.cx.functions.get(&def.name) {
                    self.fb.emit(InstKind::DefFunction { func }, s.range);
                }
            }
            StmtKind::FunctionDef(_) => {
                return Err(Unsupported::new("nested functions", s.range));
            }
            StmtKind::Assign { targets, value } => self.assign(targets, value, s.range)?,
            StmtKind::AugAssign { target, op, value } => {
                if let ExprKind::Subscript {
                    value: container,
                    slice,
                    ..
                } = &target.kind
                {
                    return self.aug_assign_item(
                        container,
                        slice,
                        *op,
                        value,
                        target.range,
                        s.range,
                    );
                }
                let ExprKind::Name { id, .. } = &target.kind else {
                    return Err(Unsupported::new(
                        "augmented assignment to this target",
                        target.range,
                    ));
                };
                let current = self.name_load(id, target.range)?;
                let rhs = self.expr(value)?;
                let dst = self.fb.temp();
                self.fb.emit(
                    InstKind::Binary {
                        dst,
                        op: *op,
                        lhs: current,
                        rhs,
                        inplace: true,
                    },
                    s.range,
                );
                self.store_name(id, Operand::Var(dst), target.range)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                ..
            } => {
                let ExprKind::Name { id, .. } = &target.kind else {
                    return Err(Unsupported::new(
                        "annotated assignment to this target",
                        target.range,
                    ));
                };
                let ty = super::annotation_type(annotation)?;
                if let NameRef::Local(key) = self.resolve(id, target.range)? {
                    let var = self.fb.local_by_key(&key);
                    self.fb.func.vars[var.index()].annotation = Some(ty);
                }
                if let Some(value) = value {
                    let v = self.expr(value)?;
                    self.store_name(id, v, target.range)?;
                }
            }
            StmtKind::If { test, body, orelse } => {
                let then_block = self.fb.new_block();
                let else_block = self.fb.new_block();
                let after = self.fb.new_block();
                self.branch_on(test, then_block, else_block)?;
                self.fb.switch_to(then_block);
                self.stmts(body)?;
                self.fb.jump_if_open(after, s.range);
                self.fb.switch_to(else_block);
                self.stmts(orelse)?;
                self.fb.jump_if_open(after, s.range);
                self.fb.switch_to(after);
            }
            StmtKind::While { test, body, orelse } => {
                let header = self.fb.new_block();
                let body_block = self.fb.new_block();
                let else_block = self.fb.new_block();
                let after = self.fb.new_block();
                self.fb.jump_if_open(header, s.range);
                self.fb.switch_to(header);
                if is_constant_true(test) {
                    // `while True:` only ends by break, return or raise: the code
                    // after it is reached through `break` alone (or not at all).
                    self.fb.terminate(Terminator::Jump(body_block), test.range);
                } else {
                    self.branch_on(test, body_block, else_block)?;
                }
                self.fb.switch_to(body_block);
                self.loop_body(body, header, after)?;
                self.fb.jump_if_open(header, s.range);
                self.fb.switch_to(else_block);
                self.stmts(orelse)?;
                self.fb.jump_if_open(after, s.range);
                self.fb.switch_to(after);
            }
            StmtKind::For {
                is_async: false,
                target,
                iter,
                body,
                orelse,
            } => {
                if let ExprKind::GeneratorExp { .. } = &iter.kind {
                    return self.for_over_generator(s.range, iter, target, body, orelse);
                }
                let prepared = self.prepare(iter)?;
                self.run(
                    prepared,
                    iter.range,
                    |this, item, cont, brk| {
                        this.store_item(target, item)?;
                        this.loop_body(body, cont, brk)
                    },
                    orelse,
                )?;
            }
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::Break => {
                let target = self.loop_target(s.range)?.break_to;
                self.fb.terminate(Terminator::Jump(target), s.range);
            }
            StmtKind::Continue => {
                let target = self.loop_target(s.range)?.continue_to;
                self.fb.terminate(Terminator::Jump(target), s.range);
            }
            StmtKind::Return { value } => {
                let v = match value {
                    Some(v) => self.expr(v)?,
                    None => Operand::Const(Const::None),
                };
                self.fb.terminate(Terminator::Return(v), s.range);
            }
            StmtKind::Assert { test, msg } => {
                let fail = self.fb.new_block();
                let after = self.fb.new_block();
                let cond = self.truth(test)?;
                self.fb.terminate(
                    Terminator::Branch {
                        cond,
                        then_block: after,
                        else_block: fail,
                    },
                    s.range,
                );
                self.fb.switch_to(fail);
                let message = msg.as_ref().map(|m| self.expr(m)).transpose()?;
                let at = assert_location(test).unwrap_or(s.range);
                self.fb.terminate(
                    Terminator::Raise {
                        class: ExcClass::AssertionError,
                        message,
                    },
                    at,
                );
                self.fb.switch_to(after);
            }
            StmtKind::Raise {
                exc: Some(exc),
                cause: None,
            } => self.raise(exc, s.range)?,
            _ => {
                return Err(Unsupported::new(
                    format!("the statement '{}'", statement_name(&s.kind)),
                    s.range,
                ))
            }
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    pub(super) fn loop_body(
        &mut self,
        body: &[Stmt],
        continue_to: crate::ir::BlockId,
        break_to: crate::ir::BlockId,
    ) -> Result<()> {
        self.fb.loops.push(LoopTargets {
            continue_to,
            break_to,
        });
        let result = self.stmts(body);
        self.fb.loops.pop();
        result
    }

    fn loop_target(&self, range: TextRange) -> Result<&LoopTargets> {
        // The parser accepts `break` outside a loop; CPython's compiler rejects it.
        self.fb
            .loops
            .last()
            .ok_or_else(|| Unsupported::new("'break' or 'continue' outside a loop", range))
    }

    fn assign(&mut self, targets: &[Expr], value: &Expr, range: TextRange) -> Result<()> {
        // `a, b = b, a`: evaluate every right-hand element first, then store.
        if let [target] = targets {
            if let (ExprKind::Tuple { elts: lhs, .. }, ExprKind::Tuple { elts: rhs, .. }) =
                (&target.kind, &value.kind)
            {
                if lhs.len() == rhs.len() && !rhs.iter().any(is_starred) {
                    let mut values = Vec::new();
                    for e in rhs {
                        let v = self.expr(e)?;
                        values.push(Operand::Var(self.fb.copy_to_temp(v, e.range)));
                    }
                    for (t, v) in lhs.iter().zip(values) {
                        self.store(t, v)?;
                    }
                    return Ok(());
                }
            }
        }
        let v = self.expr(value)?;
        let v = if targets.len() > 1 {
            Operand::Var(self.fb.copy_to_temp(v, range))
        } else {
            v
        };
        for t in targets {
            self.store(t, v.clone())?;
        }
        Ok(())
    }

    pub(super) fn store(&mut self, target: &Expr, value: Operand) -> Result<()> {
        match &target.kind {
            ExprKind::Name { id, .. } => self.store_name(id, value, target.range),
            ExprKind::Subscript {
                value: container,
                slice,
                ..
            } => self.store_subscript(container, slice, value, target.range),
            ExprKind::Tuple { .. } | ExprKind::List { .. } => {
                self.store_item(target, super::iterate::Item::Value(value))
            }
            _ => Err(Unsupported::new(
                "assignment to this kind of target",
                target.range,
            )),
        }
    }

    pub(super) fn store_name(
        &mut self,
        name: &str,
        value: Operand,
        range: TextRange,
    ) -> Result<()> {
        match self.resolve(name, range)? {
            NameRef::Local(key) => {
                let dst = self.fb.local_by_key(&key);
                self.fb.emit(InstKind::Copy { dst, src: value }, range);
            }
            NameRef::Global(global) => self
                .fb
                .emit(InstKind::StoreGlobal { global, src: value }, range),
            _ => {
                return Err(Unsupported::new(
                    format!("rebinding the function or builtin '{name}'"),
                    range,
                ))
            }
        }
        Ok(())
    }

    fn raise(&mut self, exc: &Expr, range: TextRange) -> Result<()> {
        let (name, args) = match &exc.kind {
            ExprKind::Name { id, .. } => (id, &[][..]),
            ExprKind::Call {
                func,
                args,
                keywords,
            } if keywords.is_empty() => match &func.kind {
                ExprKind::Name { id, .. } => (id, &args[..]),
                _ => return Err(Unsupported::new("raising this expression", exc.range)),
            },
            _ => return Err(Unsupported::new("raising this expression", exc.range)),
        };
        let class = match self.resolve(name, exc.range)? {
            NameRef::Exception(class) => class,
            _ => return Err(Unsupported::new(format!("raising '{name}'"), exc.range)),
        };
        let message = match args {
            [] => None,
            [m] => Some(self.expr(m)?),
            _ => {
                return Err(Unsupported::new(
                    "exceptions with several arguments",
                    exc.range,
                ))
            }
        };
        self.fb
            .terminate(Terminator::Raise { class, message }, range);
        Ok(())
    }
}

/// A constant whose truth value is true (`while True:`, `while 1:`).
fn is_constant_true(e: &Expr) -> bool {
    use frontend::ast::Constant;
    match &e.kind {
        ExprKind::Constant { value, .. } => match value {
            Constant::Bool(b) => *b,
            Constant::Int(frontend::ast::Int::Small(i)) => *i != 0,
            Constant::Int(frontend::ast::Int::Big(_)) => true,
            Constant::Str(s) => s.len_code_points() > 0,
            _ => false,
        },
        _ => false,
    }
}

pub(super) fn is_starred(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Starred { .. })
}

/// The keyword a statement starts with, for messages.
fn statement_name(kind: &StmtKind) -> &'static str {
    match kind {
        StmtKind::FunctionDef(_) => "def",
        StmtKind::ClassDef(_) => "class",
        StmtKind::Return { .. } => "return",
        StmtKind::Delete { .. } => "del",
        StmtKind::Assign { .. } | StmtKind::AugAssign { .. } | StmtKind::AnnAssign { .. } => {
            "assignment"
        }
        StmtKind::For { .. } => "async for",
        StmtKind::While { .. } => "while",
        StmtKind::If { .. } => "if",
        StmtKind::With { .. } => "with",
        StmtKind::Match { .. } => "match",
        StmtKind::Raise { .. } => "raise ... from",
        StmtKind::Try { .. } => "try",
        StmtKind::Assert { .. } => "assert",
        StmtKind::Import { .. } | StmtKind::ImportFrom { .. } => "import",
        StmtKind::Global { .. } => "global",
        StmtKind::Nonlocal { .. } => "nonlocal",
        StmtKind::Expr { .. } => "expression",
        StmtKind::Pass => "pass",
        StmtKind::Break => "break",
        StmtKind::Continue => "continue",
    }
}

/// Where CPython 3.11 reports a failed `assert test`: at the last comparison its
/// compiler branched on while testing (through `not`, `and`/`or` and conditional
/// expressions), which then stays the current location; when no comparison decides
/// the test (`assert y`, `assert f(y)`, a constant), at the whole statement, which
/// prints no caret line. So `assert y == 0 and f(y)` failing at `f(y)` still points
/// at `y == 0`.
fn assert_location(test: &Expr) -> Option<TextRange> {
    let last = |parts: &[&Expr]| {
        parts
            .iter()
            .fold(None, |at, part| assert_location(part).or(at))
    };
    match &test.kind {
        ExprKind::Compare { .. } => Some(test.range),
        ExprKind::UnaryOp {
            op: frontend::ast::UnaryOp::Not,
            operand,
        } => assert_location(operand),
        ExprKind::BoolOp { values, .. } => last(&values.iter().collect::<Vec<_>>()),
        ExprKind::IfExp { test, body, orelse } => last(&[test, body, orelse]),
        _ => None,
    }
}
