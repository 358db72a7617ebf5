//! Lowering expressions to operands: constants, names, arithmetic, comparisons
//! (chains short-circuit), `and`/`or`, conditional expressions and calls.

use super::{FnLowering, NameRef};
use crate::error::{Result, Unsupported};
use crate::ir::{Builtin, Const, InstKind, Operand, Terminator};
use frontend::ast::{self, BoolOp, CmpOp, Expr, ExprKind, TextRange, UnaryOp};

/// A literal as an IR constant.
pub(super) fn constant(value: &ast::Constant, range: TextRange) -> Result<Const> {
    Ok(match value {
        ast::Constant::None => Const::None,
        ast::Constant::Bool(b) => Const::Bool(*b),
        ast::Constant::Int(i) => Const::Int(i.clone()),
        ast::Constant::Float(f) => Const::Float(*f),
        ast::Constant::Str(s) => Const::Str(s.clone()),
        ast::Constant::Bytes(_) => return Err(Unsupported::new("bytes", range)),
        ast::Constant::Complex { .. } => return Err(Unsupported::new("complex numbers", range)),
        ast::Constant::Ellipsis => return Err(Unsupported::new("Ellipsis", range)),
    })
}

/// A literal, or a signed number literal (`-1`, `+2.5`, `-True`), as an IR
/// constant; `None` for any other expression.
pub(super) fn signed_constant(e: &Expr) -> Option<Result<Const>> {
    match &e.kind {
        ExprKind::Constant { value, .. } => Some(constant(value, e.range)),
        ExprKind::UnaryOp {
            op: op @ (UnaryOp::USub | UnaryOp::UAdd),
            operand,
        } => {
            let value = match signed_constant(operand)? {
                Ok(v) => v,
                Err(e) => return Some(Err(e)),
            };
            let negate = *op == UnaryOp::USub;
            let int = |i: i64| Const::Int(ast::Int::Small(i));
            Some(Ok(match value {
                Const::Bool(b) if negate => int(-i64::from(b)),
                Const::Bool(b) => int(i64::from(b)),
                Const::Float(f) if negate => Const::Float(-f),
                Const::Int(i) if negate => Const::Int(negated(i)),
                v @ (Const::Float(_) | Const::Int(_)) => v,
                _ => return None,
            }))
        }
        _ => None,
    }
}

/// `-i`, exactly (a small int whose negation does not fit becomes big, and back).
fn negated(i: ast::Int) -> ast::Int {
    use num_bigint::BigInt;
    let big = match i {
        ast::Int::Small(v) => match v.checked_neg() {
            Some(n) => return ast::Int::Small(n),
            None => -BigInt::from(v),
        },
        ast::Int::Big(b) => -b,
    };
    match i64::try_from(&big) {
        Ok(v) => ast::Int::Small(v),
        Err(_) => ast::Int::Big(big),
    }
}

impl FnLowering<'_> {
    pub(super) fn expr(&mut self, e: &Expr) -> Result<Operand> {
        match &e.kind {
            ExprKind::Constant { value, .. } => Ok(Operand::Const(constant(value, e.range)?)),
            ExprKind::Name { id, .. } => self.name_load(id, e.range),
            ExprKind::Lambda { .. } => self.lambda(e),
            ExprKind::BinOp {
                left,
                op: ast::Operator::Mod,
                right,
            } if matches!(
                &left.kind,
                ExprKind::Constant {
                    value: ast::Constant::Str(template),
                    ..
                } if super::percent_format::compiles(template, right)
            ) =>
            {
                let ExprKind::Constant {
                    value: ast::Constant::Str(template),
                    ..
                } = &left.kind
                else {
                    return Err(Unsupported::new("this % format", e.range));
                };
                self.percent_format(template, right, e.range)
            }
            ExprKind::BinOp { left, op, right } => {
                let lhs = self.expr(left)?;
                let rhs = self.expr(right)?;
                let dst = self.fb.temp();
                self.fb.emit(
                    InstKind::Binary {
                        dst,
                        op: *op,
                        lhs,
                        rhs,
                        inplace: false,
                    },
                    e.range,
                );
                Ok(Operand::Var(dst))
            }
            ExprKind::UnaryOp { op, operand } => {
                let v = self.expr(operand)?;
                // `-1` is a constant (indices and slice steps rely on seeing it).
                if let (UnaryOp::USub, Operand::Const(Const::Int(ast::Int::Small(i)))) = (op, &v) {
                    if let Some(n) = i.checked_neg() {
                        return Ok(Operand::Const(Const::Int(ast::Int::Small(n))));
                    }
                }
                let dst = self.fb.temp();
                let kind = match op {
                    UnaryOp::Not => InstKind::Not { dst, operand: v },
                    _ => InstKind::Unary {
                        dst,
                        op: *op,
                        operand: v,
                    },
                };
                self.fb.emit(kind, e.range);
                Ok(Operand::Var(dst))
            }
            ExprKind::BoolOp { op, values } => self.bool_op(*op, values, e.range),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare_chain(left, ops, comparators, e.range),
            ExprKind::IfExp { test, body, orelse } => {
                let result = self.fb.temp();
                let then_block = self.fb.new_block();
                let else_block = self.fb.new_block();
                let after = self.fb.new_block();
                self.branch_on(test, then_block, else_block)?;
                for (block, value) in [(then_block, body), (else_block, orelse)] {
                    self.fb.switch_to(block);
                    let v = self.expr(value)?;
                    self.fb.emit(
                        InstKind::Copy {
                            dst: result,
                            src: v,
                        },
                        value.range,
                    );
                    self.fb.jump_if_open(after, e.range);
                }
                self.fb.switch_to(after);
                Ok(Operand::Var(result))
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords, e.range),
            ExprKind::List { elts, .. } => self.display(elts, true, e.range),
            ExprKind::Tuple { elts, .. } => self.display(elts, false, e.range),
            ExprKind::Subscript { value, slice, .. } => self.load_subscript(value, slice, e.range),
            ExprKind::ListComp { elt, generators } => {
                self.list_comprehension(e, elt, generators, ("<listcomp>", e.range))
            }
            ExprKind::Dict { keys, values } => self.dict_display(keys, values, e.range),
            ExprKind::Set { elts } => self.set_display(elts, e.range),
            ExprKind::SetComp { elt, generators } => self.set_comprehension(e, elt, generators),
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.dict_comprehension(e, key, value, generators),
            ExprKind::JoinedStr { values } => self.joined_str(values, e.range),
            ExprKind::Attribute { value, attr, .. } => match self.module_attribute(value, attr)? {
                Some(NameRef::Constant(c)) => Ok(Operand::Const(c)),
                Some(NameRef::Value(builtin)) => Ok(self.builtin_value(builtin, e.range)),
                Some(_) => Err(Unsupported::new(
                    format!("the function {attr} used as a value (functions are not values yet)"),
                    e.range,
                )),
                None => Err(Unsupported::new("attributes", e.range)),
            },
            _ => Err(Unsupported::new(expression_name(&e.kind), e.range)),
        }
    }

    pub(super) fn name_load(&mut self, name: &str, range: TextRange) -> Result<Operand> {
        match self.resolve(name, range)? {
            NameRef::Local(key) => {
                let var = self.fb.local_by_key(&key);
                self.fb.note_read(var, range);
                Ok(Operand::Var(var))
            }
            NameRef::Global(global) => {
                let dst = self.fb.temp();
                self.fb.emit(InstKind::LoadGlobal { dst, global }, range);
                Ok(Operand::Var(dst))
            }
            NameRef::Undefined => Err(Unsupported::new(format!("the name '{name}'"), range)),
            NameRef::Constant(c) => Ok(Operand::Const(c)),
            NameRef::Value(builtin) => Ok(self.builtin_value(builtin, range)),
            NameRef::Function(f) => Ok(Operand::Const(Const::Function(f))),
            NameRef::Builtin(b) => Ok(Operand::Const(Const::Builtin(b))),
            _ => Err(Unsupported::new(
                format!("'{name}' used as a value (functions are not values yet)"),
                range,
            )),
        }
    }

    /// The value a builtin computes without arguments (`sys.argv`).
    fn builtin_value(&mut self, builtin: Builtin, range: TextRange) -> Operand {
        let dst = self.fb.temp();
        self.fb.emit(
            InstKind::CallBuiltin {
                dst,
                builtin,
                args: Vec::new(),
                keywords: Vec::new(),
            },
            range,
        );
        Operand::Var(dst)
    }

    /// Evaluates `bool(test)` and ends the current block with a branch on it.
    pub(super) fn branch_on(
        &mut self,
        test: &Expr,
        then_block: crate::ir::BlockId,
        else_block: crate::ir::BlockId,
    ) -> Result<()> {
        let cond = self.truth(test)?;
        self.fb.terminate(
            Terminator::Branch {
                cond,
                then_block,
                else_block,
            },
            test.range,
        );
        Ok(())
    }

    /// `bool(e)` as an operand, for branches.
    pub(super) fn truth(&mut self, e: &Expr) -> Result<Operand> {
        let v = self.expr(e)?;
        let dst = self.fb.temp();
        self.fb.emit(InstKind::Truth { dst, value: v }, e.range);
        Ok(Operand::Var(dst))
    }

    /// One comparison into a fresh temporary.
    pub(super) fn compare(
        &mut self,
        op: CmpOp,
        lhs: Operand,
        rhs: Operand,
        range: TextRange,
    ) -> Operand {
        let dst = self.fb.temp();
        self.fb.emit(InstKind::Compare { dst, op, lhs, rhs }, range);
        Operand::Var(dst)
    }

    /// `a < b < c`: each middle operand is evaluated once; the chain stops at the
    /// first false link.
    fn compare_chain(
        &mut self,
        left: &Expr,
        ops: &[CmpOp],
        comparators: &[Expr],
        range: TextRange,
    ) -> Result<Operand> {
        let result = self.fb.temp();
        let after = self.fb.new_block();
        let mut lhs = self.expr(left)?;
        for (i, (op, right)) in ops.iter().zip(comparators).enumerate() {
            if let (CmpOp::In | CmpOp::NotIn, Some(args)) = (op, self.range_call(right)?) {
                // `x in range(...)` by arithmetic on the bounds (no range object).
                let lhs_value = Operand::Var(self.fb.copy_to_temp(lhs.clone(), left.range));
                let [start, stop, step] = self.checked_range_bounds(args, right.range)?;
                let found = self.fb.temp();
                self.fb.emit(
                    InstKind::CallBuiltin {
                        dst: found,
                        builtin: Builtin::RangeContains,
                        args: vec![start, stop, step, lhs_value],
                        keywords: Vec::new(),
                    },
                    range,
                );
                let link = if *op == CmpOp::NotIn {
                    let negated = self.fb.temp();
                    self.fb.emit(
                        InstKind::Not {
                            dst: negated,
                            operand: Operand::Var(found),
                        },
                        range,
                    );
                    Operand::Var(negated)
                } else {
                    Operand::Var(found)
                };
                self.fb.emit(
                    InstKind::Copy {
                        dst: result,
                        src: link,
                    },
                    range,
                );
                if i + 1 < ops.len() {
                    return Err(Unsupported::new(
                        "a range() in the middle of a comparison chain",
                        right.range,
                    ));
                }
                continue;
            }
            // `x in d.keys()` (or values, items): searched in a snapshot list.
            let view = match op {
                CmpOp::In | CmpOp::NotIn => self.dict_view(right)?,
                _ => None,
            };
            let mut rhs = match view {
                Some(v) => v,
                None => self.expr(right)?,
            };
            if i + 1 < ops.len() {
                rhs = Operand::Var(self.fb.copy_to_temp(rhs, right.range));
            }
            let link = self.compare(*op, lhs, rhs.clone(), range);
            self.fb.emit(
                InstKind::Copy {
                    dst: result,
                    src: link,
                },
                range,
            );
            if i + 1 < ops.len() {
                let next = self.fb.new_block();
                self.fb.terminate(
                    Terminator::Branch {
                        cond: Operand::Var(result),
                        then_block: next,
                        else_block: after,
                    },
                    range,
                );
                self.fb.switch_to(next);
            }
            lhs = rhs;
        }
        self.fb.jump_if_open(after, range);
        self.fb.switch_to(after);
        Ok(Operand::Var(result))
    }

    /// `a and b` / `a or b`: the value of the operand that decided, as in Python.
    fn bool_op(&mut self, op: BoolOp, values: &[Expr], range: TextRange) -> Result<Operand> {
        let result = self.fb.temp();
        let after = self.fb.new_block();
        for (i, value) in values.iter().enumerate() {
            let v = self.expr(value)?;
            self.fb.emit(
                InstKind::Copy {
                    dst: result,
                    src: v,
                },
                value.range,
            );
            if i + 1 == values.len() {
                break;
            }
            let truth = self.fb.temp();
            self.fb.emit(
                InstKind::Truth {
                    dst: truth,
                    value: Operand::Var(result),
                },
                value.range,
            );
            let next = self.fb.new_block();
            let (then_block, else_block) = match op {
                BoolOp::And => (next, after),
                BoolOp::Or => (after, next),
            };
            self.fb.terminate(
                Terminator::Branch {
                    cond: Operand::Var(truth),
                    then_block,
                    else_block,
                },
                range,
            );
            self.fb.switch_to(next);
        }
        self.fb.jump_if_open(after, range);
        self.fb.switch_to(after);
        Ok(Operand::Var(result))
    }

    /// `module.name`: what the attribute of an imported native module stands for;
    /// `None` when `value` is not such a module.
    /// The file descriptor of `sys.stdout` (1) or `sys.stderr` (2) when `e` names
    /// one of them.
    pub(super) fn std_stream(&self, e: &Expr) -> Result<Option<i64>> {
        let ExprKind::Attribute { value, attr, .. } = &e.kind else {
            return Ok(None);
        };
        let ExprKind::Name { id, .. } = &value.kind else {
            return Ok(None);
        };
        let fd = match &**attr {
            "stdout" => 1,
            "stderr" => 2,
            _ => return Ok(None),
        };
        Ok(match self.lookup(id, value.range)? {
            NameRef::Module(crate::native::NativeModule::Sys) => Some(fd),
            _ => None,
        })
    }

    fn module_attribute(&mut self, value: &Expr, attr: &str) -> Result<Option<NameRef>> {
        let ExprKind::Name { id, .. } = &value.kind else {
            return Ok(None);
        };
        let NameRef::Module(m) = self.resolve(id, value.range)? else {
            return Ok(None);
        };
        match crate::native::member(m, attr) {
            Some(crate::native::Member::Function(b)) => Ok(Some(NameRef::Builtin(b))),
            Some(crate::native::Member::Constant(c)) => Ok(Some(NameRef::Constant(c))),
            Some(crate::native::Member::Value(b)) => Ok(Some(NameRef::Value(b))),
            None => Err(Unsupported::new(
                format!("{}.{attr}", m.name()),
                value.range,
            )),
        }
    }

    fn call(
        &mut self,
        func: &Expr,
        args: &[Expr],
        keywords: &[ast::Keyword],
        range: TextRange,
    ) -> Result<Operand> {
        let (id, callee) = match &func.kind {
            ExprKind::Name { id, .. } => (id.clone(), self.resolve(id, func.range)?),
            ExprKind::Attribute { value, attr, .. } => match self.module_attribute(value, attr)? {
                Some(callee) => (attr.clone(), callee),
                None => {
                    return self.method_call(value, attr, args, keywords, func.range.end, range)
                }
            },
            _ => {
                let callee = self.expr(func)?;
                return self.call_value(callee, args, keywords, range);
            }
        };
        if let Some(a) = args
            .iter()
            .find(|a| matches!(a.kind, ExprKind::Starred { .. }))
        {
            return Err(Unsupported::new("*args in calls", a.range));
        }
        if let Some(k) = keywords.iter().find(|k| k.arg.is_none()) {
            return Err(Unsupported::new("**kwargs in calls", k.range));
        }
        match callee {
            NameRef::Function(f) => {
                let mut values = Vec::new();
                for a in args {
                    values.push(self.expr(a)?);
                }
                let mut named = Vec::new();
                for k in keywords {
                    named.push((
                        k.arg.clone().unwrap_or_default(),
                        self.expr(&k.value)?,
                        k.range,
                    ));
                }
                let args = self.match_arguments(f, values, named, range)?;
                let dst = self.fb.temp();
                self.fb.emit(
                    InstKind::Call {
                        dst,
                        func: f,
                        args,
                        plus: None,
                    },
                    range,
                );
                Ok(Operand::Var(dst))
            }
            NameRef::Builtin(Builtin::Len) if args.len() == 1 && keywords.is_empty() => {
                match self.range_call(&args[0])? {
                    Some(range_args) => {
                        let bounds = self.checked_range_bounds(range_args, args[0].range)?;
                        Ok(Operand::Var(self.range_len(bounds, range)))
                    }
                    None => self.builtin_call(Builtin::Len, args, keywords, range),
                }
            }
            NameRef::Builtin(builtin) => self.builtin_call(builtin, args, keywords, range),
            NameRef::Undefined if &*id == "isinstance" => self.isinstance(args, keywords, range),
            // A name nothing binds: NameError when the call evaluates it, before
            // its arguments; the code after it cannot run.
            NameRef::Global(global) if self.cx.unbound.contains(&*id) => {
                let dst = self.fb.temp();
                self.fb
                    .emit(InstKind::LoadGlobal { dst, global }, func.range);
                Ok(Operand::Var(dst))
            }
            NameRef::Undefined => Err(Unsupported::new(format!("the function '{id}'"), func.range)),
            NameRef::Local(_) | NameRef::Global(_) => {
                let callee = self.name_load(&id, func.range)?;
                self.call_value(callee, args, keywords, range)
            }
            _ => Err(Unsupported::new(format!("calling '{id}'"), func.range)),
        }
    }

    /// A call of builtin function `builtin`.
    fn builtin_call(
        &mut self,
        builtin: Builtin,
        args: &[Expr],
        keywords: &[ast::Keyword],
        range: TextRange,
    ) -> Result<Operand> {
        let builtin = match builtin {
            Builtin::Min if args.len() == 1 => Builtin::MinOf,
            Builtin::Max if args.len() == 1 => Builtin::MaxOf,
            b => b,
        };
        if builtin == Builtin::Sorted {
            if let Some(v) = self.sorted_with_key(args, keywords, range)? {
                return Ok(v);
            }
        }
        // Keyword arguments of builtins whose parameters have names: passed by
        // position (written in that order, so evaluated in the same order). An
        // empty name is a positional-only parameter.
        let names: &[&str] = match builtin {
            Builtin::Sum => &["", "start"],
            Builtin::Int => &["", "base"],
            Builtin::Round => &["number", "ndigits"],
            Builtin::Pow => &["base", "exp", "mod"],
            _ => &[],
        };
        if !keywords.is_empty() && !names.is_empty() {
            let mut all: Vec<Expr> = args.to_vec();
            for k in keywords {
                let named = k.arg.as_deref().filter(|n| !n.is_empty());
                match names.iter().position(|n| Some(*n) == named) {
                    Some(p) if p == all.len() => all.push(k.value.clone()),
                    _ => {
                        return Err(Unsupported::new(
                            format!(
                                "the keyword argument '{}' of {}() here",
                                k.arg.as_deref().unwrap_or("**"),
                                builtin.name()
                            ),
                            k.range,
                        ))
                    }
                }
            }
            return self.builtin_call(builtin, &all, &[], range);
        }
        if let Some(v) = self.consuming_call(builtin, args, keywords, range)? {
            return Ok(v);
        }
        let values = self.call_arguments(args, builtin.takes_iterable(), range)?;
        let mut kw = Vec::new();
        for k in keywords {
            let name = k.arg.clone().unwrap_or_default();
            if builtin == Builtin::Print && &*name == "file" {
                // To stdout or stderr: the stream is a constant for code generation.
                match self.std_stream(&k.value)? {
                    Some(fd) => kw.push((name, Operand::Const(Const::Int(ast::Int::Small(fd))))),
                    None if matches!(
                        k.value.kind,
                        ExprKind::Constant {
                            value: ast::Constant::None,
                            ..
                        }
                    ) => {}
                    None => {
                        return Err(Unsupported::new(
                            "print(file=...) to anything but sys.stdout or sys.stderr",
                            k.value.range,
                        ))
                    }
                }
                continue;
            }
            let allowed = match builtin {
                Builtin::Print => matches!(&*name, "sep" | "end" | "flush"),
                Builtin::Sorted => &*name == "reverse",
                Builtin::Math(crate::native::MathFn::Isclose) => {
                    matches!(&*name, "rel_tol" | "abs_tol")
                }
                _ => false,
            };
            if !allowed {
                return Err(Unsupported::new(
                    format!("the keyword argument '{name}' of {}()", builtin.name()),
                    k.range,
                ));
            }
            kw.push((name, self.expr(&k.value)?));
        }
        let dst = self.fb.temp();
        self.fb.emit(
            InstKind::CallBuiltin {
                dst,
                builtin,
                args: values,
                keywords: kw,
            },
            range,
        );
        Ok(Operand::Var(dst))
    }

    /// `isinstance(x, C)` or `isinstance(x, (C1, C2, ...))` for builtin classes.
    fn isinstance(
        &mut self,
        args: &[Expr],
        keywords: &[ast::Keyword],
        range: TextRange,
    ) -> Result<Operand> {
        let [value, classes] = args else {
            return Err(Unsupported::new(
                "isinstance() without two arguments",
                range,
            ));
        };
        if let Some(k) = keywords.first() {
            return Err(Unsupported::new(
                "keyword arguments to isinstance()",
                k.range,
            ));
        }
        let names: Vec<&Expr> = match &classes.kind {
            ExprKind::Tuple { elts, .. } => elts.iter().collect(),
            _ => vec![classes],
        };
        let mut kinds = 0;
        for name in names {
            let class = match &name.kind {
                ExprKind::Name { id, .. }
                    if matches!(
                        self.resolve(id, name.range)?,
                        NameRef::Builtin(_) | NameRef::Undefined
                    ) =>
                {
                    crate::ir::class_kinds(id)
                }
                _ => None,
            };
            match class {
                Some(k) => kinds |= k,
                None => {
                    return Err(Unsupported::new(
                        "isinstance() with a class other than a builtin type",
                        name.range,
                    ))
                }
            }
        }
        let v = self.expr(value)?;
        let dst = self.fb.temp();
        self.fb.emit(
            InstKind::CallBuiltin {
                dst,
                builtin: Builtin::IsInstance(kinds),
                args: vec![v],
                keywords: Vec::new(),
            },
            range,
        );
        Ok(Operand::Var(dst))
    }

    /// Positional arguments, each in its own temporary (a later one may rebind a
    /// name an earlier one read); with `iterable_first`, the first is collected
    /// into a list when it is a generator or `range()` (`iterable_value`).
    pub(super) fn call_arguments(
        &mut self,
        args: &[Expr],
        iterable_first: bool,
        call: TextRange,
    ) -> Result<Vec<Operand>> {
        let mut values = Vec::new();
        for (i, a) in args.iter().enumerate() {
            let v = if i == 0 && iterable_first {
                self.iterable_value(a, call)?
            } else {
                self.expr(a)?
            };
            values.push(Operand::Var(self.fb.copy_to_temp(v, a.range)));
        }
        Ok(values)
    }

    /// The argument of a builtin that consumes an iterable: a generator expression,
    /// `range()`, `enumerate()` or `zip()` is collected into a list first; anything
    /// else is evaluated as a value (a list, tuple or str).
    /// (`call` is the consuming call, which a traceback through the generator's
    /// frame underlines in the caller's entry.)
    pub(super) fn iterable_value(&mut self, e: &Expr, call: TextRange) -> Result<Operand> {
        match &e.kind {
            ExprKind::GeneratorExp { elt, generators } => {
                self.list_comprehension(e, elt, generators, ("<genexpr>", call))
            }
            ExprKind::Call { func, .. }
                if self.is_builtin_named(func, "range")?
                    || self.is_builtin_named(func, "enumerate")?
                    || self.is_builtin_named(func, "zip")?
                    || self.is_builtin_named(func, "reversed")? =>
            {
                let result = self.fb.temp();
                self.fb.emit(
                    InstKind::BuildList {
                        dst: result,
                        items: Vec::new(),
                    },
                    e.range,
                );
                let prepared = self.prepare(e)?;
                self.reserve_for(result, &prepared, call);
                self.run(
                    prepared,
                    e.range,
                    |this, item, _, _| {
                        let v = this.materialise(item, e.range);
                        this.append_to(result, v, e.range);
                        Ok(())
                    },
                    &[],
                )?;
                Ok(Operand::Var(result))
            }
            _ => {
                if let Some(view) = self.dict_view(e)? {
                    return Ok(view);
                }
                let v = self.expr(e)?;
                Ok(self.walked(v, e.range))
            }
        }
    }

    /// Room in `list` for the items of a `range()` it is about to receive, as
    /// CPython's `list(range(n))` allocates them at once: a range longer than
    /// memory raises MemoryError before any item is made. (Only for a constant
    /// non-zero step: a zero step fails in the loop, as range() does.)
    fn reserve_for(
        &mut self,
        list: crate::ir::VarId,
        prepared: &super::iterate::Prepared,
        range: TextRange,
    ) {
        let super::iterate::Prepared::Range { start, stop, step } = prepared else {
            return;
        };
        let nonzero_step =
            matches!(step, Operand::Const(Const::Int(ast::Int::Small(s))) if *s != 0);
        if !nonzero_step {
            return;
        }
        let len = self.range_len([start.clone(), stop.clone(), step.clone()], range);
        let dst = self.fb.temp();
        self.fb.emit(
            InstKind::CallBuiltin {
                dst,
                builtin: Builtin::ListReserve,
                args: vec![Operand::Var(list), Operand::Var(len)],
                keywords: Vec::new(),
            },
            range,
        );
    }

    /// Puts positional and keyword arguments in parameter order, filling defaults.
    fn match_arguments(
        &self,
        f: crate::ir::FuncId,
        positional: Vec<Operand>,
        named: Vec<(Box<str>, Operand, TextRange)>,
        range: TextRange,
    ) -> Result<Vec<Operand>> {
        let def = self
            .cx
            .signatures
            .get(f.index())
            .ok_or_else(|| Unsupported::new("call of an unknown function", range))?;
        let n = def.params.len();
        if positional.len() > def.positional {
            return Err(Unsupported::new(
                format!(
                    "this call passes {} positional arguments to a function taking {}",
                    positional.len(),
                    def.positional
                ),
                range,
            ));
        }
        let mut slots: Vec<Option<Operand>> = positional.into_iter().map(Some).collect();
        slots.resize(n, None);
        for (name, value, krange) in named {
            let Some(i) = def.params.iter().position(|p| **p == *name) else {
                return Err(Unsupported::new(
                    format!("the unknown keyword argument '{name}'"),
                    krange,
                ));
            };
            if slots[i].is_some() {
                return Err(Unsupported::new(
                    format!("argument '{name}' given twice"),
                    krange,
                ));
            }
            slots[i] = Some(value);
        }
        slots
            .into_iter()
            .enumerate()
            .map(
                |(i, slot)| match (slot, def.defaults.get(i).cloned().flatten()) {
                    (Some(v), _) => Ok(v),
                    (None, Some(default)) => Ok(Operand::Const(default)),
                    (None, None) => Err(Unsupported::new(
                        format!("this call omits the argument '{}'", def.params[i]),
                        range,
                    )),
                },
            )
            .collect()
    }
}

/// What an expression is, for messages.
fn expression_name(kind: &ExprKind) -> &'static str {
    match kind {
        ExprKind::NamedExpr { .. } => "assignment expressions (:=)",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dicts",
        ExprKind::Set { .. } | ExprKind::SetComp { .. } => "sets",
        ExprKind::ListComp { .. } | ExprKind::List { .. } => "lists",
        ExprKind::GeneratorExp { .. } => "generator expressions",
        ExprKind::Await { .. } => "await",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "generators (yield)",
        ExprKind::FormattedValue { .. } | ExprKind::JoinedStr { .. } => "f-strings",
        ExprKind::Attribute { .. } => "attributes",
        ExprKind::Subscript { .. } => "subscripts",
        ExprKind::Starred { .. } => "starred expressions",
        ExprKind::Tuple { .. } => "tuples",
        ExprKind::Slice { .. } => "slices",
        _ => "this expression",
    }
}
