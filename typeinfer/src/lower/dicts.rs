//! Dicts and sets in lowering: displays, comprehensions, and what a loop over a
//! dict or set walks.
//!
//! A loop (or a builtin consuming an iterable) over a dict walks its keys; over
//! `d.items()`, `d.keys()` or `d.values()`, those. Lowering cannot tell a dict from a
//! list, so every walked sequence passes through `Builtin::Iterable`, which
//! inference turns into a plain copy for anything but a dict, and for a dict into a
//! snapshot list of its keys (`Builtin::DictKeys`), for a set into a list of its
//! elements in iteration order (`Builtin::SetList`). The views in a loop are such
//! snapshots too; CPython raises RuntimeError when a dict changes size while a loop
//! walks it, which a snapshot does not notice.

use super::FnLowering;
use crate::error::{Result, Unsupported};
use crate::ir::{Builtin, InstKind, Operand};
use frontend::ast::{self, Comprehension, Expr, ExprKind, TextRange};

impl FnLowering<'_> {
    /// `{k1: v1, k2: v2}`: keys and values evaluated in that order.
    pub(super) fn dict_display(
        &mut self,
        keys: &[Option<Expr>],
        values: &[Expr],
        range: TextRange,
    ) -> Result<Operand> {
        let mut ks = Vec::new();
        let mut vs = Vec::new();
        for (k, v) in keys.iter().zip(values) {
            let Some(k) = k else {
                return Err(Unsupported::new("**mapping in a dict display", v.range));
            };
            let key = self.expr(k)?;
            ks.push(Operand::Var(self.fb.copy_to_temp(key, k.range)));
            let value = self.expr(v)?;
            vs.push(Operand::Var(self.fb.copy_to_temp(value, v.range)));
        }
        let dst = self.fb.temp();
        self.fb.emit(
            InstKind::BuildDict {
                dst,
                keys: ks,
                values: vs,
            },
            range,
        );
        Ok(Operand::Var(dst))
    }

    /// `{key: value for ... in ... if ...}`: each pair stored in turn (the key is
    /// evaluated first, as since Python 3.8).
    pub(super) fn dict_comprehension(
        &mut self,
        whole: &Expr,
        key: &Expr,
        value: &Expr,
        generators: &[Comprehension],
    ) -> Result<Operand> {
        let result = self.fb.temp();
        self.fb.emit(
            InstKind::BuildDict {
                dst: result,
                keys: Vec::new(),
                values: Vec::new(),
            },
            whole.range,
        );
        // The pair as one element, taken apart for the store.
        let pair = Expr {
            kind: ExprKind::Tuple {
                elts: vec![key.clone(), value.clone()],
                ctx: ast::ExprContext::Load,
            },
            range: key.range.cover(value.range),
        };
        let range = whole.range;
        self.comprehension(
            whole,
            &pair,
            generators,
            ("<dictcomp>", range),
            None,
            |_| Ok(()),
            |this, _, v, _, _| {
                let part = |this: &mut Self, i: i64| {
                    let dst = this.fb.temp();
                    this.fb.emit(
                        InstKind::GetItem {
                            dst,
                            value: v.clone(),
                            index: Operand::Const(crate::ir::Const::Int(ast::Int::Small(i))),
                        },
                        range,
                    );
                    Operand::Var(dst)
                };
                let k = part(this, 0);
                let item = part(this, 1);
                this.fb.emit(
                    InstKind::SetItem {
                        value: Operand::Var(result),
                        index: k,
                        item,
                    },
                    range,
                );
                Ok(())
            },
        )?;
        Ok(Operand::Var(result))
    }

    /// `{a, b, c}`: a set of the items, added in order.
    pub(super) fn set_display(&mut self, elts: &[Expr], range: TextRange) -> Result<Operand> {
        let mut items = Vec::new();
        for e in elts {
            if let ExprKind::Starred { .. } = e.kind {
                return Err(Unsupported::new("*iterable in a set display", e.range));
            }
            // Constants stay constants: a display of them is built as CPython
            // builds its frozenset constant (`backend/src/codegen/sets.rs`).
            let v = self.expr(e)?;
            items.push(match v {
                Operand::Const(_) => v,
                _ => Operand::Var(self.fb.copy_to_temp(v, e.range)),
            });
        }
        let dst = self.fb.temp();
        self.fb.emit(InstKind::BuildSet { dst, items }, range);
        Ok(Operand::Var(dst))
    }

    /// `{elt for ... in ... if ...}`: each element added in turn.
    pub(super) fn set_comprehension(
        &mut self,
        whole: &Expr,
        elt: &Expr,
        generators: &[Comprehension],
    ) -> Result<Operand> {
        let result = self.fb.temp();
        self.fb.emit(
            InstKind::BuildSet {
                dst: result,
                items: Vec::new(),
            },
            whole.range,
        );
        let range = whole.range;
        self.comprehension(
            whole,
            elt,
            generators,
            ("<setcomp>", range),
            None,
            |_| Ok(()),
            |this, _, v, _, _| {
                let dst = this.fb.temp();
                this.fb.emit(
                    InstKind::CallMethod {
                        dst,
                        receiver: Operand::Var(result),
                        method: "add".into(),
                        args: vec![v],
                        keywords: Vec::new(),
                        attribute_end: range.end,
                    },
                    range,
                );
                Ok(())
            },
        )?;
        Ok(Operand::Var(result))
    }

    /// `value` as the sequence a loop walks (see the module comment).
    pub(super) fn walked(&mut self, value: Operand, range: TextRange) -> Operand {
        let dst = self.fb.temp();
        self.fb.emit(
            InstKind::CallBuiltin {
                dst,
                builtin: Builtin::Iterable,
                args: vec![value],
                keywords: Vec::new(),
            },
            range,
        );
        Operand::Var(dst)
    }

    /// `d.items()`, `d.keys()` or `d.values()` as a loop's iterable: a snapshot
    /// list. None for any other expression.
    pub(super) fn dict_view(&mut self, e: &Expr) -> Result<Option<Operand>> {
        let ExprKind::Call {
            func,
            args,
            keywords,
        } = &e.kind
        else {
            return Ok(None);
        };
        let ExprKind::Attribute { value, attr, .. } = &func.kind else {
            return Ok(None);
        };
        let builtin = match &**attr {
            "items" => Builtin::DictItems,
            "keys" => Builtin::DictKeys,
            "values" => Builtin::DictValues,
            _ => return Ok(None),
        };
        if !args.is_empty() || !keywords.is_empty() || self.std_stream(value)?.is_some() {
            return Ok(None);
        }
        if let ExprKind::Name { id, .. } = &value.kind {
            if matches!(self.lookup(id, value.range)?, super::NameRef::Module(_)) {
                return Ok(None);
            }
        }
        let d = self.expr(value)?;
        let d = Operand::Var(self.fb.copy_to_temp(d, value.range));
        let dst = self.fb.temp();
        self.fb.emit(
            InstKind::CallBuiltin {
                dst,
                builtin,
                args: vec![d],
                keywords: Vec::new(),
            },
            e.range,
        );
        Ok(Some(Operand::Var(dst)))
    }
}
