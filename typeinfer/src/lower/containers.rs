//! Lowering lists and tuples: displays, subscripts and slices (load, store,
//! augmented assignment, `del`) and method calls.

use super::FnLowering;
use crate::error::{Result, Unsupported};
use crate::ir::{InstKind, Operand};
use frontend::ast::{Expr, ExprKind, Operator, TextRange};

/// A subscript's inside: one index, or a slice's three optional parts.
enum Subscript {
    Index(Operand),
    Slice {
        start: Option<Operand>,
        stop: Option<Operand>,
        step: Option<Operand>,
    },
}

impl FnLowering<'_> {
    /// `[a, b]` / `(a, b)`: the elements are evaluated left to right.
    pub(super) fn display(
        &mut self,
        elts: &[Expr],
        is_list: bool,
        range: TextRange,
    ) -> Result<Operand> {
        if let Some(s) = elts.iter().find(|e| super::stmt::is_starred(e)) {
            return Err(Unsupported::new("starred elements in displays", s.range));
        }
        let mut items = Vec::new();
        for e in elts {
            let v = self.expr(e)?;
            // A later element may rebind a name an earlier one read.
            items.push(Operand::Var(self.fb.copy_to_temp(v, e.range)));
        }
        let dst = self.fb.temp();
        let kind = if is_list {
            InstKind::BuildList { dst, items }
        } else {
            InstKind::BuildTuple { dst, items }
        };
        self.fb.emit(kind, range);
        Ok(Operand::Var(dst))
    }

    fn subscript(&mut self, slice: &Expr) -> Result<Subscript> {
        if let ExprKind::Slice { lower, upper, step } = &slice.kind {
            let mut part = |e: &Option<Box<Expr>>| -> Result<Option<Operand>> {
                match e {
                    Some(e) => match self.expr(e)? {
                        // Constants stay visible (a tuple slice needs them).
                        c @ Operand::Const(_) => Ok(Some(c)),
                        v => Ok(Some(Operand::Var(self.fb.copy_to_temp(v, e.range)))),
                    },
                    None => Ok(None),
                }
            };
            let start = part(lower)?;
            let stop = part(upper)?;
            let step = part(step)?;
            return Ok(Subscript::Slice { start, stop, step });
        }
        Ok(Subscript::Index(self.expr(slice)?))
    }

    /// `value[slice]` as an operand.
    pub(super) fn load_subscript(
        &mut self,
        value: &Expr,
        slice: &Expr,
        range: TextRange,
    ) -> Result<Operand> {
        let v = self.expr(value)?;
        let v = Operand::Var(self.fb.copy_to_temp(v, value.range));
        let dst = self.fb.temp();
        let kind = match self.subscript(slice)? {
            Subscript::Index(index) => InstKind::GetItem {
                dst,
                value: v,
                index,
            },
            Subscript::Slice { start, stop, step } => InstKind::Slice {
                dst,
                value: v,
                start,
                stop,
                step,
            },
        };
        self.fb.emit(kind, range);
        Ok(Operand::Var(dst))
    }

    /// `value[slice] = item` (the item was evaluated first, as in Python).
    pub(super) fn store_subscript(
        &mut self,
        value: &Expr,
        slice: &Expr,
        item: Operand,
        range: TextRange,
    ) -> Result<()> {
        let v = self.expr(value)?;
        match self.subscript(slice)? {
            Subscript::Index(index) => {
                self.fb.emit(
                    InstKind::SetItem {
                        value: v,
                        index,
                        item,
                    },
                    range,
                );
                Ok(())
            }
            Subscript::Slice { start, stop, step } => {
                self.fb.emit(
                    InstKind::SetSlice {
                        value: v,
                        start,
                        stop,
                        step,
                        item,
                    },
                    range,
                );
                Ok(())
            }
        }
    }

    /// `value[index] op= rhs`: the container and index are evaluated once. Reading
    /// and storing the item fail at the target `value[index]` (`target`, CPython's
    /// caret line), the operation at the whole statement (`range`).
    pub(super) fn aug_assign_item(
        &mut self,
        value: &Expr,
        slice: &Expr,
        op: Operator,
        rhs: &Expr,
        target: TextRange,
        range: TextRange,
    ) -> Result<()> {
        let v = self.expr(value)?;
        let v = Operand::Var(self.fb.copy_to_temp(v, value.range));
        let Subscript::Index(index) = self.subscript(slice)? else {
            return Err(Unsupported::new("augmented assignment to a slice", range));
        };
        let index = Operand::Var(self.fb.copy_to_temp(index, slice.range));
        let current = self.fb.temp();
        self.fb.emit(
            InstKind::GetItem {
                dst: current,
                value: v.clone(),
                index: index.clone(),
            },
            target,
        );
        let r = self.expr(rhs)?;
        let result = self.fb.temp();
        self.fb.emit(
            InstKind::Binary {
                dst: result,
                op,
                lhs: Operand::Var(current),
                rhs: r,
                inplace: true,
            },
            range,
        );
        self.fb.emit(
            InstKind::SetItem {
                value: v,
                index,
                item: Operand::Var(result),
            },
            target,
        );
        Ok(())
    }

    /// `del target` for subscripts (`del xs[i]`, `del xs[a:b]` is not yet native).
    pub(super) fn delete(&mut self, target: &Expr) -> Result<()> {
        match &target.kind {
            ExprKind::Subscript { value, slice, .. } => {
                let v = self.expr(value)?;
                match self.subscript(slice)? {
                    Subscript::Index(index) => {
                        self.fb
                            .emit(InstKind::DelItem { value: v, index }, target.range);
                        Ok(())
                    }
                    Subscript::Slice { start, stop, step } => {
                        self.fb.emit(
                            InstKind::DelSlice {
                                value: v,
                                start,
                                stop,
                                step,
                            },
                            target.range,
                        );
                        Ok(())
                    }
                }
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                elts.iter().try_for_each(|e| self.delete(e))
            }
            _ => Err(Unsupported::new("del of this kind of target", target.range)),
        }
    }

    /// `list.append(value)` on a list being built by lowering.
    pub(super) fn append_to(&mut self, list: crate::ir::VarId, value: Operand, range: TextRange) {
        let dst = self.fb.temp();
        self.fb.emit(
            InstKind::CallMethod {
                dst,
                receiver: Operand::Var(list),
                method: "append".into(),
                args: vec![value],
                keywords: Vec::new(),
                attribute_end: range.end,
            },
            range,
        );
    }

    /// `sys.stdout.write(s)`, `sys.stderr.write(s)` and their `flush()`.
    fn stream_method(
        &mut self,
        fd: i64,
        method: &str,
        args: &[Expr],
        keywords: &[frontend::ast::Keyword],
        range: TextRange,
    ) -> Result<Operand> {
        if let Some(k) = keywords.first() {
            return Err(Unsupported::new(
                format!("keyword arguments to {method}()"),
                k.range,
            ));
        }
        let stream = Operand::Const(crate::ir::Const::Int(frontend::ast::Int::Small(fd)));
        let (builtin, args) = match (method, args) {
            ("write", [text]) => {
                let v = self.expr(text)?;
                (
                    crate::ir::Builtin::StreamWrite,
                    vec![stream, Operand::Var(self.fb.copy_to_temp(v, text.range))],
                )
            }
            ("flush", []) => (crate::ir::Builtin::StreamFlush, vec![stream]),
            _ => {
                return Err(Unsupported::new(
                    format!("{method}() with {} arguments", args.len()),
                    range,
                ))
            }
        };
        let dst = self.fb.temp();
        self.fb.emit(
            InstKind::CallBuiltin {
                dst,
                builtin,
                args,
                keywords: Vec::new(),
            },
            range,
        );
        Ok(Operand::Var(dst))
    }

    /// `receiver.method(args)`: resolved by the receiver's type during inference.
    pub(super) fn method_call(
        &mut self,
        receiver: &Expr,
        method: &str,
        args: &[Expr],
        keywords: &[frontend::ast::Keyword],
        attribute_end: u32,
        range: TextRange,
    ) -> Result<Operand> {
        if let (
            "format",
            ExprKind::Constant {
                value: frontend::ast::Constant::Str(template),
                ..
            },
        ) = (method, &receiver.kind)
        {
            return self.format_method(template, args, keywords, range);
        }
        if let (Some(fd), "write" | "flush") = (self.std_stream(receiver)?, method) {
            return self.stream_method(fd, method, args, keywords, range);
        }
        let r = self.expr(receiver)?;
        let r = Operand::Var(self.fb.copy_to_temp(r, receiver.range));
        if method == "sort" {
            if let Some(v) = self.sort_method_with_key(&r, args, keywords, range)? {
                return Ok(v);
            }
        }
        // `sep.join(str(x) for x in xs)`, `xs.extend(range(3))`: the iterable
        // becomes a list first.
        let values = self.call_arguments(args, matches!(method, "join" | "extend"), range)?;
        let mut kw = Vec::new();
        for k in keywords {
            let name = k.arg.clone().unwrap_or_default();
            kw.push((name, self.expr(&k.value)?));
        }
        let dst = self.fb.temp();
        self.fb.emit(
            InstKind::CallMethod {
                dst,
                receiver: r,
                method: method.into(),
                args: values,
                keywords: kw,
                attribute_end,
            },
            range,
        );
        Ok(Operand::Var(dst))
    }
}
