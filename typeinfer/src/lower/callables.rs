//! Functions as values: lambdas, calls through a value (`f(x)` where `f` is a
//! parameter or variable holding a function), and `key=` functions of `sorted()`
//! and `list.sort()`.
//!
//! A `def` or lambda used as a value is a constant of its own type
//! (`Type::Function`), so a call through it is a direct call of the
//! specialisation its argument types choose (inference rewrites `CallValue` into
//! `Call`): passing `square` to `apply(f, xs)` specialises `apply` for `square`.
//! A lambda that reads variables of an enclosing function (a closure) is reported.

use super::iterate::Prepared;
use super::FnLowering;
use crate::error::{Result, Unsupported};
use crate::ir::{Builtin, Const, InstKind, Operand, VarId};
use frontend::ast::{self, Expr, ExprKind, TextRange};

impl FnLowering<'_> {
    /// `lambda params: body`: a function of its own, lowered after the module's
    /// `def`s (`lower_module`); its value is a constant.
    pub(super) fn lambda(&mut self, e: &Expr) -> Result<Operand> {
        let ExprKind::Lambda { args, .. } = &e.kind else {
            return Err(Unsupported::new("a lambda", e.range));
        };
        if let Some(a) = args.vararg.as_ref().or(args.kwarg.as_ref()) {
            return Err(Unsupported::new("*args and **kwargs parameters", a.range));
        }
        let mut lambdas = self.cx.lambdas.borrow_mut();
        let id = crate::ir::FuncId(self.cx.first_lambda + lambdas.len() as u32);
        lambdas.push(e.clone());
        Ok(Operand::Const(Const::Function(id)))
    }

    /// `callee(args)` where the callee is a value (a variable, a parameter, any
    /// expression): resolved during inference by the callee's type.
    pub(super) fn call_value(
        &mut self,
        callee: Operand,
        args: &[Expr],
        keywords: &[ast::Keyword],
        range: TextRange,
    ) -> Result<Operand> {
        let callee = Operand::Var(self.fb.copy_to_temp(callee, range));
        let mut values = Vec::new();
        for a in args {
            let v = self.expr(a)?;
            values.push(Operand::Var(self.fb.copy_to_temp(v, a.range)));
        }
        let mut named = Vec::new();
        for k in keywords {
            let v = self.expr(&k.value)?;
            let v = Operand::Var(self.fb.copy_to_temp(v, k.value.range));
            named.push((k.arg.clone().unwrap_or_default(), v));
        }
        let dst = self.fb.temp();
        self.fb.emit(
            InstKind::CallValue {
                dst,
                callee,
                args: values,
                keywords: named,
            },
            range,
        );
        Ok(Operand::Var(dst))
    }

    /// `key(item)` for one item, in the frame of the call that applies the key.
    pub(super) fn apply_key(&mut self, key: &Operand, item: Operand, call: TextRange) -> Operand {
        let dst = self.fb.temp();
        self.fb.emit(
            InstKind::CallValue {
                dst,
                callee: key.clone(),
                args: vec![item],
                keywords: Vec::new(),
            },
            call,
        );
        Operand::Var(dst)
    }

    /// A `key=` argument's value, or None when there is none or it is `None`.
    pub(super) fn key_function(
        &mut self,
        keywords: &[ast::Keyword],
        range: TextRange,
    ) -> Result<Option<Operand>> {
        let Some(k) = keywords.iter().find(|k| k.arg.as_deref() == Some("key")) else {
            return Ok(None);
        };
        let v = self.expr(&k.value)?;
        if v == Operand::Const(Const::None) {
            return Ok(None);
        }
        Ok(Some(Operand::Var(self.fb.copy_to_temp(v, range))))
    }

    /// Sorts list `list` in place by `key`, as `list.sort(key=key, reverse=reverse)`:
    /// every key is computed first, in order, then the list is sorted by them.
    fn sort_by_key(
        &mut self,
        list: Operand,
        key: Operand,
        reverse: Operand,
        range: TextRange,
    ) -> Result<()> {
        let keys = self.fb.temp();
        self.fb.emit(
            InstKind::BuildList {
                dst: keys,
                items: Vec::new(),
            },
            range,
        );
        self.run(
            Prepared::Sequence(list.clone()),
            range,
            |this, item, _, _| {
                let x = this.materialise(item, range);
                let k = this.apply_key(&key, x, range);
                this.append_to(keys, k, range);
                Ok(())
            },
            &[],
        )?;
        let dst: VarId = self.fb.temp();
        self.fb.emit(
            InstKind::CallBuiltin {
                dst,
                builtin: Builtin::SortByKeys,
                args: vec![list, Operand::Var(keys), reverse],
                keywords: Vec::new(),
            },
            range,
        );
        Ok(())
    }

    /// Whether a sort's keywords are `key=` (required) and `reverse=` only.
    fn keyed_sort(keywords: &[ast::Keyword]) -> bool {
        keywords.iter().any(|k| k.arg.as_deref() == Some("key"))
            && keywords
                .iter()
                .all(|k| matches!(k.arg.as_deref(), Some("key" | "reverse")))
    }

    /// Sorts `list` in place as `list.sort(**keywords)` does: the keyword
    /// arguments evaluated in the order written, then by key unless the key is None.
    fn sort_with_keywords(
        &mut self,
        list: Operand,
        keywords: &[ast::Keyword],
        range: TextRange,
    ) -> Result<()> {
        let mut key = None;
        let mut reverse = Operand::Const(Const::Bool(false));
        for k in keywords {
            if k.arg.as_deref() == Some("key") {
                key = self.key_function(std::slice::from_ref(k), range)?;
            } else {
                let v = self.expr(&k.value)?;
                reverse = Operand::Var(self.fb.copy_to_temp(v, k.value.range));
            }
        }
        match key {
            Some(key) => self.sort_by_key(list, key, reverse, range),
            None => {
                let dst = self.fb.temp();
                self.fb.emit(
                    InstKind::CallMethod {
                        dst,
                        receiver: list,
                        method: "sort".into(),
                        args: Vec::new(),
                        keywords: vec![("reverse".into(), reverse)],
                        attribute_end: range.end,
                    },
                    range,
                );
                Ok(())
            }
        }
    }

    /// `sorted(iterable, key=f[, reverse=r])`: a list of the items, sorted by key.
    /// None when the call has no key (the builtin does the work).
    pub(super) fn sorted_with_key(
        &mut self,
        args: &[Expr],
        keywords: &[ast::Keyword],
        range: TextRange,
    ) -> Result<Option<Operand>> {
        let [iterable] = args else {
            return Ok(None);
        };
        if !Self::keyed_sort(keywords) {
            return Ok(None);
        }
        let items = self.iterable_value(iterable, range)?;
        let items = Operand::Var(self.fb.copy_to_temp(items, iterable.range));
        let copy = self.fb.temp();
        self.fb.emit(
            InstKind::CallBuiltin {
                dst: copy,
                builtin: Builtin::List,
                args: vec![items],
                keywords: Vec::new(),
            },
            range,
        );
        self.sort_with_keywords(Operand::Var(copy), keywords, range)?;
        Ok(Some(Operand::Var(copy)))
    }

    /// `receiver.sort(key=f[, reverse=r])` with a key (None without one: the
    /// method does the work). The receiver is already evaluated.
    pub(super) fn sort_method_with_key(
        &mut self,
        receiver: &Operand,
        args: &[Expr],
        keywords: &[ast::Keyword],
        range: TextRange,
    ) -> Result<Option<Operand>> {
        if !args.is_empty() || !Self::keyed_sort(keywords) {
            return Ok(None);
        }
        self.sort_with_keywords(receiver.clone(), keywords, range)?;
        Ok(Some(Operand::Const(Const::None)))
    }
}
